import { z } from "zod";
import { parseEmbeddedJson } from "../../json/parse-embedded-json.ts";
import { parseSourceShape } from "../../json/parse-source-shape.ts";
import { asRecord } from "../shared/as-record.ts";
import { readNumber } from "../shared/read-number.ts";
import { truncateText } from "../shared/truncate-text.ts";
import { readLitellmTime } from "./read-litellm-time.ts";

/** One LiteLLM request, read alike from a StandardLoggingPayload and from a SpendLogs row. */
export interface LitellmRequest {
  kind: "standard_logging_payload" | "spend_log";
  requestId: string;
  callType: string | null;
  traceId: string | null;
  status: string | null;
  statusCode: number | null;
  errorClass: string | null;
  errorMessage: string | null;
  model: string | null;
  provider: string | null;
  startedAt: string | null;
  cost: number | null;
  costTracked: boolean;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  cacheHit: boolean | null;
  apiKeyHash: string | null;
  keyAlias: string | null;
  teamId: string | null;
  teamAlias: string | null;
  orgId: string | null;
  userId: string | null;
  endUser: string | null;
  tags: string | null;
  tool: string | null;
  /** `StandardLoggingGuardrailInformation` entries (objects only). */
  guardrails: Record<string, unknown>[];
}

const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" && v.trim() !== "" && v !== "None" ? v : null));
const scalarText = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v : null));
const num = z
  .unknown()
  .optional()
  .transform((v) => readNumber(v, { strings: true }));
const embedded = z
  .unknown()
  .optional()
  .transform((v) => parseEmbeddedJson(v, "LiteLLM embedded JSON"));

const recordSchema = z.looseObject({
  id: text,
  request_id: text,
  trace_id: text,
  session_id: text,
  call_type: text,
  status: text,
  status_fields: embedded,
  model: text,
  model_group: text,
  custom_llm_provider: text,
  response_cost: num,
  response_cost_failure_debug_info: z.unknown().optional(),
  spend: num,
  total_tokens: num,
  prompt_tokens: num,
  completion_tokens: num,
  startTime: z.unknown().optional(),
  cache_hit: z.unknown().optional(),
  api_key: text,
  user: text,
  team_id: text,
  organization_id: text,
  end_user: text,
  request_tags: embedded,
  metadata: embedded,
  hidden_params: embedded,
  error_str: text,
  error_information: embedded,
  guardrail_information: embedded,
  mcp_namespaced_tool_name: text,
});

/** Reads the request facts rules need; never the messages, the response or raw keys. */
export function readLitellmRequest(
  raw: Record<string, unknown>,
  kind: "standard_logging_payload" | "spend_log",
): LitellmRequest {
  const r = parseSourceShape(recordSchema, raw, "LiteLLM log record");
  const md = asRecord(r.metadata);
  const hidden = asRecord(r.hidden_params);
  const error = asRecord(r.error_information) ?? asRecord(md?.error_information);
  const statusFields = asRecord(r.status_fields);
  const errorCode = scalarText.parse(error?.error_code);
  const codeNumber = errorCode !== null && /^\d{3}$/.test(errorCode.trim()) ? Number(errorCode) : null;
  const spendLog = kind === "spend_log";
  const cost = spendLog ? r.spend : r.response_cost;
  const usage = asRecord(md?.usage_object);
  const mcp = asRecord(md?.mcp_tool_call_metadata);

  return {
    kind,
    requestId: (spendLog ? r.request_id : r.id) ?? "(no id)",
    callType: r.call_type,
    traceId: r.trace_id ?? r.session_id,
    status: r.status ?? text.parse(md?.status),
    statusCode: codeNumber,
    errorClass: text.parse(error?.error_class),
    errorMessage: text.parse(error?.error_message) ?? r.error_str,
    model: r.model ?? text.parse(hidden?.litellm_model_name) ?? r.model_group,
    provider: r.custom_llm_provider,
    startedAt: readLitellmTime(r.startTime),
    cost,
    costTracked: cost !== null && !asRecord(r.response_cost_failure_debug_info),
    promptTokens: r.prompt_tokens ?? num.parse(usage?.prompt_tokens),
    completionTokens: r.completion_tokens ?? num.parse(usage?.completion_tokens),
    totalTokens: r.total_tokens ?? num.parse(usage?.total_tokens),
    cacheHit: readBoolean(r.cache_hit),
    apiKeyHash: hashOnly(spendLog ? (r.api_key ?? text.parse(md?.user_api_key)) : text.parse(md?.user_api_key_hash)),
    keyAlias: text.parse(md?.user_api_key_alias),
    teamId: text.parse(md?.user_api_key_team_id) ?? r.team_id ?? text.parse(md?.team_id),
    teamAlias: text.parse(md?.user_api_key_team_alias) ?? text.parse(md?.team_alias),
    orgId: text.parse(md?.user_api_key_org_id) ?? r.organization_id,
    userId: text.parse(md?.user_api_key_user_id) ?? r.user,
    endUser: r.end_user ?? text.parse(md?.user_api_key_end_user_id),
    tags: readTags(r.request_tags),
    tool: r.mcp_namespaced_tool_name ?? text.parse(mcp?.namespaced_tool_name) ?? text.parse(mcp?.name),
    guardrails: readGuardrails(
      r.guardrail_information ?? parseEmbeddedJson(md?.guardrail_information),
      statusFields,
      md,
    ),
  };
}

function readGuardrails(
  value: unknown,
  statusFields: Record<string, unknown> | null,
  md: Record<string, unknown> | null,
): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const entries = list.map((v) => asRecord(v)).filter((v): v is Record<string, unknown> => v !== null);
  if (entries.length > 0) return entries;
  // Older or trimmed payloads: only the overall guardrail status and the names that were applied.
  const status = text.parse(statusFields?.guardrail_status);
  const applied = Array.isArray(md?.applied_guardrails) ? md.applied_guardrails : [];
  if (!status || status === "not_run") return [];
  return applied
    .filter((name): name is string => typeof name === "string" && name.trim() !== "")
    .map((name) => ({ guardrail_name: name, guardrail_status: status }));
}

function readTags(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const tags = value.filter((t): t is string => typeof t === "string" && t.trim() !== "");
  if (tags.length === 0) return null;
  return truncateText(tags.join(","), 200);
}

function readBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    if (v === "true") return true;
    if (v === "false") return false;
  }
  return null;
}

/** LiteLLM stores virtual keys as SHA-256 hex; anything else (a raw `sk-…` key) is never kept. */
function hashOnly(value: string | null): string | null {
  return value !== null && /^[0-9a-f]{64}$/i.test(value.trim()) ? value.trim().toLowerCase() : null;
}
