import { z } from "zod";
import { parseSourceShape } from "../../json/parse-source-shape.ts";
import type { NormalizedFinding } from "../../source-adapter.ts";
import { isRecord } from "../shared/is-record.ts";
import { lenientText } from "../shared/lenient-text.ts";
import { numberOrNull } from "../shared/number-or-null.ts";
import { truncateText } from "../shared/truncate-text.ts";
import type { LitellmRequest } from "./read-litellm-request.ts";
import { readLitellmTime } from "./read-litellm-time.ts";

/**
 * `GuardrailStatus` (litellm/types/utils.py) and the older values of the same field: `success` and
 * `guardrail_intervened` mean the guardrail ran (pass; `intervened` says whether it blocked or masked),
 * `guardrail_failed_to_respond` means it did not answer (fail), `not_run` is context (info). Before
 * GuardrailStatus existed the field was `success | failure | blocked`, `failure` documented as a
 * technical error (fail) and `blocked` as a policy block (pass, intervened).
 */
const STATUS: Record<string, { outcome: NormalizedFinding["outcome"]; intervened: boolean | null; verb: string }> = {
  success: { outcome: "pass", intervened: false, verb: "ran and passed" },
  guardrail_intervened: { outcome: "pass", intervened: true, verb: "intervened" },
  blocked: { outcome: "pass", intervened: true, verb: "intervened" },
  guardrail_failed_to_respond: { outcome: "fail", intervened: null, verb: "failed to respond" },
  failure: { outcome: "fail", intervened: null, verb: "failed" },
  not_run: { outcome: "info", intervened: null, verb: "did not run" },
};

const entrySchema = z.looseObject({
  guardrail_name: lenientText,
  guardrail_provider: lenientText,
  guardrail_mode: z.unknown().optional(),
  guardrail_status: lenientText,
  guardrail_action: lenientText,
  guardrail_id: lenientText,
  policy_template: lenientText,
  detection_method: lenientText,
  start_time: z.unknown().optional(),
  duration: numberOrNull,
  risk_score: numberOrNull,
  confidence_score: numberOrNull,
  masked_entity_count: z.unknown().optional(),
  violation_categories: z.unknown().optional(),
});

/**
 * One `guardrail` finding for one `StandardLoggingGuardrailInformation` entry, keyed by guardrail name and mode. The guardrail's request
 * and response (which hold prompt text) are never read.
 */
export function mapLitellmGuardrail(
  raw: Record<string, unknown>,
  request: LitellmRequest | null,
  keyPrefix: string,
): NormalizedFinding {
  const entry = parseSourceShape(entrySchema, raw, "LiteLLM guardrail information");
  const name = entry.guardrail_name ?? "(unnamed guardrail)";
  const status = entry.guardrail_status;
  const meaning = (status ? STATUS[status] : undefined) ?? { outcome: "info", intervened: null, verb: "reported" };
  const masked = maskedCount(entry.masked_entity_count);
  const mode = readMode(entry.guardrail_mode);
  const categories = Array.isArray(entry.violation_categories)
    ? entry.violation_categories.filter((c): c is string => typeof c === "string").join(",")
    : "";
  const attributes: NormalizedFinding["attributes"] = {};
  const put = (attribute: string, value: string | number | boolean | null) => {
    if (value !== null) attributes[attribute] = typeof value === "string" ? truncateText(value, 200) : value;
  };
  put("eventType", request ? `litellm.${request.kind}` : "litellm.guardrail_information");
  put("guardrail", name);
  put("guardrailProvider", entry.guardrail_provider);
  put("mode", mode);
  put("guardrailStatus", status);
  put("intervened", meaning.intervened);
  put("action", entry.guardrail_action);
  put("guardrailId", entry.guardrail_id);
  put("policyTemplate", entry.policy_template);
  put("detectionMethod", entry.detection_method);
  put("riskScore", entry.risk_score);
  put("confidenceScore", entry.confidence_score);
  put("violationCategories", categories === "" ? null : categories);
  put("maskedEntities", masked);
  put("durationSeconds", entry.duration);
  put("requestId", request?.requestId ?? null);
  put("model", request?.model ?? null);
  put("apiKeyHash", request?.apiKeyHash ?? null);
  put("team", request?.teamId ?? null);

  return {
    key: `${keyPrefix}guardrail=${name}${mode ? `@${mode}` : ""}`,
    subject: request?.model ? { kind: "model", name: request.model } : { kind: "gateway", name: "litellm" },
    check: "guardrail",
    outcome: meaning.outcome,
    severity: null,
    title: truncateText(
      `LiteLLM guardrail ${name} ${meaning.verb}${request ? ` on request ${request.requestId}` : ""}${status && !STATUS[status] ? ` (status ${status})` : ""}`,
      500,
    ),
    observedAt: readLitellmTime(entry.start_time) ?? request?.startedAt ?? null,
    links: [],
    attributes,
  };
}

function readMode(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const modes = value.filter((m): m is string => typeof m === "string");
    return modes.length > 0 ? modes.join(",") : null;
  }
  if (typeof value === "object" && value !== null) return "tag-based";
  return null;
}

function maskedCount(value: unknown): number | null {
  if (!isRecord(value)) return null;
  let total = 0;
  for (const count of Object.values(value)) if (typeof count === "number" && Number.isFinite(count)) total += count;
  return total;
}
