import { AppError } from "../../errors/app-error.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { readAccessLogLines } from "./envoy-ai-gateway/read-access-log-lines.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { makeUnrecognisedFinding, type UnrecognisedSource } from "./shared/make-unrecognised-finding.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readNumber, type ReadNumberOptions } from "./shared/read-number.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Envoy AI Gateway JSON access logs. The format is whatever the operator puts in
 * `EnvoyProxy.spec.telemetry.accessLog.settings[].format.json`; the AI fields come from Envoy dynamic
 * metadata in the `io.envoy.ai_gateway` namespace (keys set by `AIGatewayRoute.spec.llmRequestCosts`,
 * plus `backend_name`, `model_name_override`, `mcp_method`, `mcp_backend`…). Field names are read by
 * alias: those of envoyproxy/ai-gateway `site/docs/capabilities/observability/accesslogs.md`
 * (`genai_model_name`, `genai_backend_name`, `genai_tokens_input`…, `x-request-id`, `response_code`,
 * `response_flags`), the OpenTelemetry-style names (`gen_ai.request.model`, `gen_ai.usage.input_tokens`,
 * `mcp.method.name`) and the metadata keys themselves (`request_model`, `llm_input_token`…). Envoy's `-`
 * and null mean absent; numbers may arrive as strings. One object, an array and JSON Lines are accepted.
 *
 * Per line: `request-log`/pass (status, model, backend, tokens, MCP method/tool); `rate-limit` pass on
 * a 429, the `RL` response flag or `request_rate_limited` details (error on `RLSE`, the rate-limit
 * service failing); `authentication`/pass when a caller identity (header or JWT claim) was logged.
 * A line with none of Envoy's access-log fields is kept as an `event`/info finding.
 */

const FIELDS = {
  start: ["start_time", "startTime", "timestamp", "@timestamp", "time"],
  status: ["response_code", "status_code", "status", ":status", "http.response.status_code"],
  flags: ["response_flags", "flags"],
  details: ["response_code_details"],
  requestId: ["x-request-id", "x_request_id", "request_id", "requestId"],
  method: ["method", ":method", "http.request.method"],
  path: ["x-envoy-origin-path", "x_envoy_origin_path", "path", ":path", "url.path"],
  model: ["genai_model_name", "gen_ai.request.model", "request_model", "x-ai-eg-model", "x_ai_eg_model", "model"],
  responseModel: ["genai_model_name_override", "gen_ai.response.model", "response_model", "model_name_override"],
  backend: ["genai_backend_name", "gen_ai.provider.name", "backend_name", "backend", "ai_service_backend_name"],
  inputTokens: ["genai_tokens_input", "gen_ai.usage.input_tokens", "llm_input_token", "input_tokens", "prompt_tokens"],
  outputTokens: [
    "genai_tokens_output",
    "gen_ai.usage.output_tokens",
    "llm_output_token",
    "output_tokens",
    "completion_tokens",
  ],
  totalTokens: ["genai_tokens_total", "gen_ai.usage.total_tokens", "llm_total_token", "total_tokens"],
  duration: ["duration", "duration_ms"],
  route: ["route_name"],
  upstreamCluster: ["upstream_cluster"],
  mcpMethod: ["mcp_method", "mcp.method.name"],
  mcpTool: ["mcp_tool_name", "mcp.tool.name"],
  mcpBackend: ["mcp_backend", "mcp.provider.name"],
  mcpSession: ["mcp_session_id", "mcp.session.id", "session.id"],
} as const;

/** Fields operators log a caller identity under (a header such as `x-user-id`, a JWT claim, a key id). */
const CALLER_FIELDS = [
  "caller",
  "x-user-id",
  "x_user_id",
  "user_id",
  "user.id",
  "x-client-id",
  "x_client_id",
  "client_id",
  "client.id",
  "consumer",
  "jwt_sub",
  "jwt.sub",
  "sub",
  "x-api-key-id",
  "x_api_key_id",
  "api_key_id",
  "x-tenant-id",
  "x_tenant_id",
  "tenant",
  "agent.id",
  "agent_id",
];

/**
 * `start_time`: ISO 8601 (`%START_TIME%`, UTC when it carries no zone) or epoch seconds/milliseconds;
 * an unset clock (1970 or before) is no time.
 */
const START_TIME: ToIsoTimeOptions = {
  epochSecondsBelow: 1e11,
  text: "iso-date-time",
  zonelessAsUtc: true,
  afterEpoch: true,
};
/** Numbers (status, tokens, duration) are logged as numbers or as decimal text (`"200"`, `"-1"`, `"12.5"`). */
const DECIMAL_TEXT: ReadNumberOptions = { strings: /^-?\d+(\.\d+)?$/ };

/** Fields whose presence marks a line as an Envoy access-log line. */
const LINE_MARKERS = [...FIELDS.status, ...FIELDS.start, ...FIELDS.flags, ...FIELDS.requestId, ...FIELDS.details];

/** How records this adapter does not recognise are named. */
const UNRECOGNISED: UnrecognisedSource = { gateway: "envoy-ai-gateway", label: "Envoy AI Gateway log line" };

function parse(raw: Uint8Array): ParsedEvidence {
  const lines = readAccessLogLines(raw);
  if (!lines.some(isAccessLogLine)) {
    throw new AppError(
      "validation_failed",
      "This is not an Envoy access log: no line has response_code, start_time, response_flags or x-request-id.",
    );
  }
  const findings: NormalizedFinding[] = [];
  const types = new Set<string>();
  const times: string[] = [];
  const ids: (string | null)[] = [];
  for (const [index, line] of lines.entries()) {
    if (!isAccessLogLine(line)) {
      types.add("envoy-ai-gateway.unknown");
      findings.push(makeUnrecognisedFinding(line, `line-${index}/event`, UNRECOGNISED));
      continue;
    }
    types.add("envoy-ai-gateway.access_log");
    const result = lineFindings(line, index);
    if (result.observedAt) times.push(result.observedAt);
    ids.push(result.requestId);
    findings.push(...result.findings);
  }
  return {
    eventType: [...types].join(","),
    deliveryId: lines.length === 1 ? (ids[0] ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function isAccessLogLine(line: Record<string, unknown>): boolean {
  return LINE_MARKERS.some((field) => field in line);
}

function lineFindings(line: Record<string, unknown>, index: number) {
  const get = (names: readonly string[]) => pick(line, names);
  const requestId = get(FIELDS.requestId);
  const observedAt = toIsoTime(get(FIELDS.start), START_TIME);
  const status = readNumber(get(FIELDS.status), DECIMAL_TEXT);
  const flags = (get(FIELDS.flags) ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const details = get(FIELDS.details);
  const model = get(FIELDS.model);
  const path = get(FIELDS.path)?.split("?")[0] ?? null;
  const mcpMethod = get(FIELDS.mcpMethod);
  const mcpBackend = get(FIELDS.mcpBackend);
  const caller = callerOf(line);
  const keyBase = requestId ? `request=${requestId}` : `line-${index}`;
  const subject: NormalizedFinding["subject"] = model
    ? { kind: "model", name: model }
    : { kind: "endpoint", name: (mcpMethod ? mcpBackend : null) ?? path ?? get(FIELDS.route) ?? "envoy-ai-gateway" };
  const base = compactAttributes({
    eventType: "envoy-ai-gateway.access_log",
    requestId,
    model,
    backend: get(FIELDS.backend),
  });
  const common = () => ({ subject: { ...subject }, severity: null, observedAt, links: [] });
  const findings: NormalizedFinding[] = [];

  const tool = get(FIELDS.mcpTool);
  findings.push({
    ...common(),
    key: `${keyBase}/request-log`,
    check: "request-log",
    outcome: "pass",
    title: truncateText(
      `Envoy AI Gateway ${get(FIELDS.method) ?? ""} ${path ?? ""}${model ? ` model ${model}` : ""}${mcpMethod ? ` MCP ${mcpMethod}${tool ? ` ${tool}` : ""}` : ""}: ${status ?? "no status"}${flags.length > 0 ? ` (${flags.join(",")})` : ""}`.replace(
        /\s+/g,
        " ",
      ),
      500,
    ),
    attributes: {
      ...base,
      ...compactAttributes({
        statusCode: status,
        responseFlags: flags.length > 0 ? flags.join(",") : null,
        responseCodeDetails: details,
        method: get(FIELDS.method),
        path,
        route: get(FIELDS.route),
        upstreamCluster: get(FIELDS.upstreamCluster),
        responseModel: get(FIELDS.responseModel),
        promptTokens: readNumber(get(FIELDS.inputTokens), DECIMAL_TEXT),
        completionTokens: readNumber(get(FIELDS.outputTokens), DECIMAL_TEXT),
        totalTokens: readNumber(get(FIELDS.totalTokens), DECIMAL_TEXT),
        durationMs: readNumber(get(FIELDS.duration), DECIMAL_TEXT),
        mcpMethod,
        tool,
        mcpBackend,
        mcpSessionId: get(FIELDS.mcpSession),
        caller: caller?.value ?? null,
      }),
    },
  });

  const rlFlag = flags.includes("RL");
  const serviceError = flags.includes("RLSE");
  const limited = rlFlag || status === 429 || (details ?? "").includes("rate_limited");
  if (limited || serviceError) {
    const byGateway = rlFlag || (details ?? "").includes("rate_limited");
    const limitedBy = !limited ? null : byGateway ? "gateway" : details === "via_upstream" ? "upstream" : null;
    findings.push({
      ...common(),
      key: `${keyBase}/rate-limit`,
      check: "rate-limit",
      outcome: limited ? "pass" : "error",
      title: truncateText(
        limited
          ? `Envoy AI Gateway rate limit rejected ${requestId ? `request ${requestId}` : "a request"}${caller ? ` from ${caller.value}` : ""}${model ? ` for ${model}` : ""}`
          : `Envoy AI Gateway could not reach its rate-limit service (RLSE)${requestId ? ` for request ${requestId}` : ""}`,
        500,
      ),
      attributes: {
        ...base,
        ...compactAttributes({
          statusCode: status,
          responseFlags: flags.length > 0 ? flags.join(",") : null,
          limitedBy,
          caller: caller?.value ?? null,
        }),
      },
    });
  }

  if (caller) {
    findings.push({
      ...common(),
      key: `${keyBase}/authentication`,
      check: "authentication",
      outcome: "pass",
      title: truncateText(
        `Envoy AI Gateway ${requestId ? `request ${requestId}` : "request"} made by ${caller.value}`,
        500,
      ),
      attributes: { ...base, caller: caller.value, callerField: caller.field },
    });
  }
  return { observedAt, requestId, findings };
}

/** The first logged caller identity; values that look like credentials (`Bearer …`, `sk-…`) are ignored. */
function callerOf(line: Record<string, unknown>): { field: string; value: string } | null {
  for (const field of CALLER_FIELDS) {
    const value = pick(line, [field]);
    if (value !== null && !/^(bearer|basic)\s|^sk-/i.test(value)) return { field, value: truncateText(value, 200) };
  }
  return null;
}

/** A logged value as text; Envoy writes `-` (or null) for an absent operator. */
function pick(line: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = line[name];
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "string") {
      const v = value.trim();
      if (v !== "" && v !== "-") return v;
    }
  }
  return null;
}

export const envoyAiGatewayAdapter: SourceAdapter = {
  kind: "envoy-ai-gateway",
  contentTypes: ["application/x-ndjson", "application/json", "application/jsonl"],
  parse,
};
