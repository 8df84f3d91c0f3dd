import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { findLlmPlugin } from "./kong/find-llm-plugin.ts";
import { mapKongGuardrails } from "./kong/map-kong-guardrails.ts";
import { mapKongMcp, type McpConsumer } from "./kong/map-kong-mcp.ts";
import { readKongEntries } from "./kong/read-kong-entries.ts";

/**
 * Kong Gateway log entries as the http-log plugin (or file-log/tcp-log) ships them, with the `ai`
 * object of Kong AI Gateway (checked against Kong/developer.konghq.com
 * `app/ai-gateway/v1/ai-audit-log-reference.md`, Kong 3.6-3.14): LLM plugin entries under `ai.proxy`
 * (3.10+) or `ai.<plugin-name>` (3.6-3.9) with `meta` (request/response model, provider), `usage`
 * (`prompt_tokens` or the older `prompt_token`, cost) and `cache`; guardrail plugin objects; `ai.sanitizer`;
 * `ai.audit`; and `ai.mcp` for MCP traffic. Beside it sit Kong's standard fields (`request`, `response`,
 * `route`, `service`, `consumer`, `authenticated_entity`, `started_at` in epoch ms). One object, an
 * http-log batch (array) and JSON Lines are accepted.
 *
 * Per LLM entry: `request-log`/pass (consumer, route, service, model, provider, status, tokens, cost as
 * attributes); `authentication` pass when a consumer or credential is attached (info otherwise);
 * `rate-limit`/pass when the response status is 429; `guardrail` per guardrail result (see
 * `map-kong-guardrails.ts`). MCP entries: `request-log` per JSON-RPC call (see `map-kong-mcp.ts`) and
 * `authentication`. An entry without AI data is kept as one `event`/info finding. Payloads, headers and
 * client IPs are never copied.
 */

const obj = z
  .unknown()
  .optional()
  .transform((v) => (isObject(v) ? v : null));
const entrySchema = z.looseObject({
  ai: obj,
  request: obj,
  response: obj,
  route: obj,
  service: obj,
  consumer: obj,
  authenticated_entity: obj,
  started_at: z.unknown().optional(),
  workspace_name: z.unknown().optional(),
  upstream_status: z.unknown().optional(),
});
type Entry = z.output<typeof entrySchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const records = readKongEntries(raw);
  if (!records.some(isKongEntry)) {
    throw new AppError(
      "validation_failed",
      "This is not a Kong log: expected http-log entries with an `ai` object or Kong's `request`/`response` fields.",
    );
  }
  const findings: NormalizedFinding[] = [];
  const types = new Set<string>();
  const times: string[] = [];
  const ids: (string | null)[] = [];
  for (const [index, record] of records.entries()) {
    if (!isKongEntry(record)) {
      types.add("kong.unknown");
      findings.push(unknownFinding(record, index));
      continue;
    }
    const entry = parseSourceShape(entrySchema, record, "Kong log entry");
    const result = entryFindings(entry, index);
    types.add(result.eventType);
    if (result.observedAt) times.push(result.observedAt);
    ids.push(result.requestId);
    findings.push(...result.findings);
  }
  return {
    eventType: cut([...types].join(","), 200),
    deliveryId: records.length === 1 ? (ids[0] ?? null) : null,
    effectiveAt: times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null,
    findings: uniqueKeys(findings),
  };
}

function isKongEntry(record: Record<string, unknown>): boolean {
  return isObject(record.ai) || (isObject(record.request) && isObject(record.response));
}

function entryFindings(entry: Entry, index: number) {
  const requestId = text(entry.request?.id);
  const observedAt = isoTime(entry.started_at);
  const consumer = entry.consumer;
  const consumerName = text(consumer?.username) ?? text(consumer?.custom_id) ?? text(consumer?.id);
  const credentialId = text(entry.authenticated_entity?.id);
  const route = text(entry.route?.name) ?? text(entry.route?.id);
  const service = text(entry.service?.name) ?? text(entry.service?.id);
  const status = num(entry.response?.status);
  const path = text(entry.request?.uri)?.split("?")[0] ?? null;
  const ai = entry.ai;
  const llm = ai ? findLlmPlugin(ai) : null;
  const mcp = ai && isObject(ai.mcp) ? ai.mcp : null;
  const session = text(mcp?.mcp_session_id);
  const keyBase = requestId ? `request=${requestId}` : session ? `mcp-session=${session}` : `entry-${index}`;
  const label = requestId ? `request ${requestId}` : session ? `MCP session ${session}` : "request";
  const eventType = !ai ? "kong.log" : mcp && !llm ? "kong.ai_mcp_log" : "kong.ai_log";
  const model = text(llm?.meta?.request_model) ?? text(llm?.meta?.response_model);

  const base = compact({
    eventType,
    requestId,
    consumer: consumerName,
    route,
    service,
    model,
    provider: text(llm?.meta?.provider_name),
  });
  const subject: NormalizedFinding["subject"] = model
    ? { kind: "model", name: model }
    : { kind: "endpoint", name: service ?? route ?? path ?? "kong" };
  const common = () => ({ subject: { ...subject }, severity: null, observedAt, links: [] });
  const findings: NormalizedFinding[] = [];

  if (!ai) {
    findings.push({
      ...common(),
      key: `${keyBase}/event`,
      check: "event",
      outcome: "info",
      title: cut(
        `Kong log entry without AI data${route ? ` (route ${route})` : ""}${status !== null ? `: ${status}` : ""}`,
        500,
      ),
      attributes: { ...base, ...compact({ statusCode: status, path }) },
    });
    return { eventType, observedAt, requestId, findings };
  }

  let mcpConsumer: McpConsumer | null = null;
  if (mcp) {
    const result = mapKongMcp(mcp, { keyBase, subject, observedAt, attributes: base });
    findings.push(...result.findings);
    mcpConsumer = result.consumer;
  }
  if (llm || !mcp) {
    const usage = llm?.usage ?? null;
    findings.push({
      ...common(),
      key: `${keyBase}/request-log`,
      check: "request-log",
      outcome: "pass",
      title: cut(
        `Kong AI ${label} to ${model ?? "an AI plugin"}${text(llm?.meta?.provider_name) ? ` (${text(llm?.meta?.provider_name) ?? ""})` : ""}${route ? ` via route ${route}` : ""}${status !== null ? `: ${status}` : ""}`,
        500,
      ),
      attributes: {
        ...base,
        ...compact({
          aiPlugin: llm?.name ?? null,
          responseModel: text(llm?.meta?.response_model),
          requestMode: text(llm?.meta?.request_mode),
          statusCode: status,
          upstreamStatus: num(entry.upstream_status),
          method: text(entry.request?.method),
          path,
          workspace: text(entry.workspace_name),
          promptTokens: num(usage?.prompt_tokens) ?? num(usage?.prompt_token) ?? num(usage?.input_tokens),
          completionTokens: num(usage?.completion_tokens) ?? num(usage?.completion_token) ?? num(usage?.output_tokens),
          totalTokens: num(usage?.total_tokens),
          cost: num(usage?.cost),
          llmLatencyMs: num(llm?.meta?.llm_latency),
          cacheStatus: text(llm?.cache?.cache_status),
        }),
      },
    });
  }

  const callerName = consumerName ?? mcpConsumer?.name ?? null;
  const identified = callerName !== null || credentialId !== null;
  findings.push({
    ...common(),
    key: `${keyBase}/authentication`,
    check: "authentication",
    outcome: identified ? "pass" : "info",
    title: identified
      ? cut(`Kong AI ${label} made by consumer ${callerName ?? `with credential ${credentialId ?? ""}`}`, 500)
      : cut(`Kong AI ${label} has no consumer or credential attached`, 500),
    attributes: {
      ...base,
      ...compact({
        consumer: callerName,
        consumerId: text(consumer?.id) ?? mcpConsumer?.id ?? null,
        consumerIdentifier: consumerName ? null : (mcpConsumer?.identifier ?? null),
        credentialId,
      }),
      identified,
    },
  });

  if (status === 429) {
    findings.push({
      ...common(),
      key: `${keyBase}/rate-limit`,
      check: "rate-limit",
      outcome: "pass",
      title: cut(`Kong rate limit answered 429 to ${label}${callerName ? ` from ${callerName}` : ""}`, 500),
      attributes: {
        ...base,
        ...compact({
          statusCode: 429,
          limiter: limiterOf(entry.response?.headers),
          limitedBy: num(entry.upstream_status) === 429 ? "upstream" : "gateway",
        }),
      },
    });
  }

  findings.push(...mapKongGuardrails(ai, { keyBase, subject, observedAt, attributes: base }));
  return { eventType, observedAt, requestId, findings };
}

/** Which Kong plugin set the rate-limit headers on the 429, when the response headers were logged. */
function limiterOf(headers: unknown): string | null {
  if (!isObject(headers)) return null;
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  if (names.some((h) => h.startsWith("x-ai-ratelimit"))) return "ai-rate-limiting-advanced";
  if (names.some((h) => h.startsWith("x-ratelimit") || h.startsWith("ratelimit"))) return "rate-limiting";
  return null;
}

function unknownFinding(record: Record<string, unknown>, index: number): NormalizedFinding {
  return {
    key: `entry-${index}/event`,
    subject: { kind: "gateway", name: "kong" },
    check: "event",
    outcome: "info",
    severity: null,
    title: cut(`Unrecognised Kong log record (keys: ${Object.keys(record).slice(0, 8).join(", ") || "none"})`, 500),
    observedAt: null,
    links: [],
    attributes: { eventType: "kong.unknown" },
  };
}

function isoTime(value: unknown): string | null {
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  const date = new Date(n < 1e11 ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compact(values: Record<string, string | number | boolean | null>): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) out[name] = value;
  return out;
}

function uniqueKeys(findings: NormalizedFinding[]): NormalizedFinding[] {
  const used = new Set<string>();
  for (const finding of findings) {
    let key = finding.key;
    for (let n = 2; used.has(key); n++) key = `${finding.key}#${n}`;
    used.add(key);
    finding.key = key;
  }
  return findings;
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export const kongAdapter: SourceAdapter = {
  kind: "kong",
  contentTypes: ["application/json", "application/x-ndjson"],
  parse,
};
