import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { findLlmPlugin } from "./kong/find-llm-plugin.ts";
import { mapKongGuardrails } from "./kong/map-kong-guardrails.ts";
import { mapKongMcp, type McpConsumer } from "./kong/map-kong-mcp.ts";
import { readKongEntries } from "./kong/read-kong-entries.ts";
import { asRecord } from "./shared/as-record.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { makeUnrecognisedFinding, type UnrecognisedSource } from "./shared/make-unrecognised-finding.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readNumber, type ReadNumberOptions } from "./shared/read-number.ts";
import { readString } from "./shared/read-string.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

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

/** `started_at`: epoch milliseconds (or seconds), as a number or as digits (nothing else); 0 is no time. */
const STARTED_AT: ToIsoTimeOptions = { epochSecondsBelow: 1e11, text: "none", afterEpoch: true, trim: false };
/** Status codes, token counts, costs and latencies: numbers, or unsigned decimal text (`"429"`, `"0.5"`). */
const DECIMAL_TEXT: ReadNumberOptions = { strings: /^\d+(\.\d+)?$/ };

const obj = z
  .unknown()
  .optional()
  .transform((v) => asRecord(v));
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

/** How records this adapter does not recognise are named. */
const UNRECOGNISED: UnrecognisedSource = { gateway: "kong", label: "Kong log record" };

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
      findings.push(makeUnrecognisedFinding(record, `entry-${index}/event`, UNRECOGNISED));
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
    eventType: truncateText([...types].join(","), 200),
    deliveryId: records.length === 1 ? (ids[0] ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function isKongEntry(record: Record<string, unknown>): boolean {
  return isRecord(record.ai) || (isRecord(record.request) && isRecord(record.response));
}

function entryFindings(entry: Entry, index: number) {
  const requestId = readString(entry.request?.id);
  const observedAt = toIsoTime(entry.started_at, STARTED_AT);
  const consumer = entry.consumer;
  const consumerName = readString(consumer?.username) ?? readString(consumer?.custom_id) ?? readString(consumer?.id);
  const credentialId = readString(entry.authenticated_entity?.id);
  const route = readString(entry.route?.name) ?? readString(entry.route?.id);
  const service = readString(entry.service?.name) ?? readString(entry.service?.id);
  const status = readNumber(entry.response?.status, DECIMAL_TEXT);
  const path = readString(entry.request?.uri)?.split("?")[0] ?? null;
  const ai = entry.ai;
  const llm = ai ? findLlmPlugin(ai) : null;
  const mcp = ai && isRecord(ai.mcp) ? ai.mcp : null;
  const session = readString(mcp?.mcp_session_id);
  const keyBase = requestId ? `request=${requestId}` : session ? `mcp-session=${session}` : `entry-${index}`;
  const label = requestId ? `request ${requestId}` : session ? `MCP session ${session}` : "request";
  const eventType = !ai ? "kong.log" : mcp && !llm ? "kong.ai_mcp_log" : "kong.ai_log";
  const model = readString(llm?.meta?.request_model) ?? readString(llm?.meta?.response_model);

  const base = compactAttributes({
    eventType,
    requestId,
    consumer: consumerName,
    route,
    service,
    model,
    provider: readString(llm?.meta?.provider_name),
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
      title: truncateText(
        `Kong log entry without AI data${route ? ` (route ${route})` : ""}${status !== null ? `: ${status}` : ""}`,
        500,
      ),
      attributes: { ...base, ...compactAttributes({ statusCode: status, path }) },
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
      title: truncateText(
        `Kong AI ${label} to ${model ?? "an AI plugin"}${readString(llm?.meta?.provider_name) ? ` (${readString(llm?.meta?.provider_name) ?? ""})` : ""}${route ? ` via route ${route}` : ""}${status !== null ? `: ${status}` : ""}`,
        500,
      ),
      attributes: {
        ...base,
        ...compactAttributes({
          aiPlugin: llm?.name ?? null,
          responseModel: readString(llm?.meta?.response_model),
          requestMode: readString(llm?.meta?.request_mode),
          statusCode: status,
          upstreamStatus: readNumber(entry.upstream_status, DECIMAL_TEXT),
          method: readString(entry.request?.method),
          path,
          workspace: readString(entry.workspace_name),
          promptTokens:
            readNumber(usage?.prompt_tokens, DECIMAL_TEXT) ??
            readNumber(usage?.prompt_token, DECIMAL_TEXT) ??
            readNumber(usage?.input_tokens, DECIMAL_TEXT),
          completionTokens:
            readNumber(usage?.completion_tokens, DECIMAL_TEXT) ??
            readNumber(usage?.completion_token, DECIMAL_TEXT) ??
            readNumber(usage?.output_tokens, DECIMAL_TEXT),
          totalTokens: readNumber(usage?.total_tokens, DECIMAL_TEXT),
          cost: readNumber(usage?.cost, DECIMAL_TEXT),
          llmLatencyMs: readNumber(llm?.meta?.llm_latency, DECIMAL_TEXT),
          cacheStatus: readString(llm?.cache?.cache_status),
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
      ? truncateText(`Kong AI ${label} made by consumer ${callerName ?? `with credential ${credentialId ?? ""}`}`, 500)
      : truncateText(`Kong AI ${label} has no consumer or credential attached`, 500),
    attributes: {
      ...base,
      ...compactAttributes({
        consumer: callerName,
        consumerId: readString(consumer?.id) ?? mcpConsumer?.id ?? null,
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
      title: truncateText(`Kong rate limit answered 429 to ${label}${callerName ? ` from ${callerName}` : ""}`, 500),
      attributes: {
        ...base,
        ...compactAttributes({
          statusCode: 429,
          limiter: limiterOf(entry.response?.headers),
          limitedBy: readNumber(entry.upstream_status, DECIMAL_TEXT) === 429 ? "upstream" : "gateway",
        }),
      },
    });
  }

  findings.push(...mapKongGuardrails(ai, { keyBase, subject, observedAt, attributes: base }));
  return { eventType, observedAt, requestId, findings };
}

/** Which Kong plugin set the rate-limit headers on the 429, when the response headers were logged. */
function limiterOf(headers: unknown): string | null {
  if (!isRecord(headers)) return null;
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  if (names.some((h) => h.startsWith("x-ai-ratelimit"))) return "ai-rate-limiting-advanced";
  if (names.some((h) => h.startsWith("x-ratelimit") || h.startsWith("ratelimit"))) return "rate-limiting";
  return null;
}

export const kongAdapter: SourceAdapter = {
  kind: "kong",
  contentTypes: ["application/json", "application/x-ndjson"],
  parse,
};
