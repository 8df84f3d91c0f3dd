import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { readGatewayLogs } from "./cloudflare-ai-gateway/read-gateway-logs.ts";
import { asRecord } from "./shared/as-record.ts";
import { booleanOrNull } from "./shared/boolean-or-null.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { lenientText } from "./shared/lenient-text.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { makeUnrecognisedFinding, type UnrecognisedSource } from "./shared/make-unrecognised-finding.ts";
import { numberOrNull } from "./shared/number-or-null.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { toIsoTime } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Cloudflare AI Gateway request logs as the logs API returns them
 * (`GET /accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs`, fields checked against
 * cloudflare/cloudflare-typescript `src/resources/ai-gateway/logs.ts` `LogListResponse` and
 * @cloudflare/workers-types `AiGatewayLog`): `id`, `created_at`, `provider`, `model`, `model_type`,
 * `path`, `status_code`, `success`, `cached`, `duration`, `tokens_in`, `tokens_out`, `cost`, and
 * `metadata` (a JSON-encoded string of the `cf-aig-metadata` the caller sent). The API envelope
 * `{ result: [...], success, result_info }`, a bare array and one log object are accepted; an envelope
 * with `success: false` is rejected. The logs API filters also name `event_id`, `authentication` and
 * `dlp_action`; they are read when present (`dlp_action`, or a `dlp` object with `action`, `check`,
 * `policies`).
 *
 * Per log: `request-log`/pass (provider, model, status, cached, tokens, cost, metadata); `rate-limit`/
 * pass on a 429 or `rate_limited: true`; `guardrail` for a DLP match (pass; `intervened` when the action
 * is BLOCK) and for a Guardrails evaluation call (a Llama Guard model: pass when it succeeded, fail when
 * it did not); `authentication`/pass when the log says the request came through an authenticated gateway.
 * Request and response bodies are never read.
 */

const logSchema = z.looseObject({
  id: z.string(),
  created_at: lenientText,
  provider: lenientText,
  model: lenientText,
  model_type: lenientText,
  path: lenientText,
  request_type: lenientText,
  status_code: numberOrNull,
  success: booleanOrNull,
  cached: booleanOrNull,
  duration: numberOrNull,
  step: numberOrNull,
  tokens_in: numberOrNull,
  tokens_out: numberOrNull,
  cost: numberOrNull,
  custom_cost: booleanOrNull,
  event_id: lenientText,
  authentication: booleanOrNull,
  rate_limited: booleanOrNull,
  dlp_action: lenientText,
  dlp: z.unknown().optional(),
  metadata: z.unknown().optional(),
});
type Log = z.output<typeof logSchema>;

const MAX_METADATA_KEYS = 10;

/** How records this adapter does not recognise are named. */
const UNRECOGNISED: UnrecognisedSource = { gateway: "cloudflare-ai-gateway", label: "Cloudflare AI Gateway record" };

function parse(raw: Uint8Array): ParsedEvidence {
  const items = readGatewayLogs(raw);
  if (items.length > 0 && !items.some(isLog)) {
    throw new AppError(
      "validation_failed",
      "This is not a Cloudflare AI Gateway log: expected log objects with an id and provider, model, path or status_code.",
    );
  }
  const findings: NormalizedFinding[] = [];
  const times: string[] = [];
  const types = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!isLog(item)) {
      types.add("cloudflare-ai-gateway.unknown");
      findings.push(makeUnrecognisedFinding(item, `item-${index}/event`, UNRECOGNISED));
      continue;
    }
    types.add("cloudflare-ai-gateway.log");
    const log = parseSourceShape(logSchema, item, "Cloudflare AI Gateway log");
    // Log times without a zone are UTC.
    const at = toIsoTime(log.created_at, { zonelessAsUtc: true });
    if (at) times.push(at);
    findings.push(...logFindings(log, at));
  }
  const only = items.length === 1 && isLog(items[0]) ? items[0] : null;
  return {
    eventType: types.size > 0 ? [...types].join(",") : "cloudflare-ai-gateway.log",
    deliveryId: only && typeof only.id === "string" ? only.id : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function isLog(item: Record<string, unknown> | undefined): item is Record<string, unknown> & { id: string } {
  if (!item || typeof item.id !== "string") return false;
  return ["provider", "model", "path", "status_code", "created_at"].some((field) => field in item);
}

function logFindings(log: Log, observedAt: string | null): NormalizedFinding[] {
  const subject: NormalizedFinding["subject"] = log.model
    ? { kind: "model", name: log.model }
    : { kind: "gateway", name: "cloudflare-ai-gateway" };
  const keyBase = `log=${log.id}`;
  const base = compactAttributes({
    eventType: "cloudflare-ai-gateway.log",
    logId: log.id,
    provider: log.provider,
    model: log.model,
    eventId: log.event_id,
  });
  const common = () => ({ subject: { ...subject }, severity: null, observedAt, links: [] });
  const totalTokens =
    log.tokens_in !== null || log.tokens_out !== null ? (log.tokens_in ?? 0) + (log.tokens_out ?? 0) : null;
  const findings: NormalizedFinding[] = [
    {
      ...common(),
      key: `${keyBase}/request-log`,
      check: "request-log",
      outcome: "pass",
      title: truncateText(
        `Cloudflare AI Gateway ${log.provider ?? "request"} ${log.model ?? ""} ${log.path ?? ""}: ${log.status_code ?? "no status"}${log.cached ? " (cached)" : ""}`.replace(
          /\s+/g,
          " ",
        ),
        500,
      ),
      attributes: {
        ...base,
        ...compactAttributes({
          modelType: log.model_type,
          path: log.path,
          requestType: log.request_type,
          statusCode: log.status_code,
          success: log.success,
          cached: log.cached,
          durationMs: log.duration,
          promptTokens: log.tokens_in,
          completionTokens: log.tokens_out,
          totalTokens,
          cost: log.cost,
          customCost: log.custom_cost,
          step: log.step,
        }),
        ...metadataAttributes(log.metadata),
      },
    },
  ];

  if (log.status_code === 429 || log.rate_limited === true) {
    findings.push({
      ...common(),
      key: `${keyBase}/rate-limit`,
      check: "rate-limit",
      outcome: "pass",
      title: truncateText(`Cloudflare AI Gateway request ${log.id} was rate limited (429)`, 500),
      attributes: { ...base, ...compactAttributes({ statusCode: log.status_code, rateLimited: log.rate_limited }) },
    });
  }

  const dlp = asRecord(log.dlp);
  const dlpAction = log.dlp_action ?? (typeof dlp?.action === "string" ? dlp.action : null);
  if (dlpAction) {
    const blocked = dlpAction.toUpperCase() === "BLOCK";
    findings.push({
      ...common(),
      key: `${keyBase}/guardrail=dlp`,
      check: "guardrail",
      outcome: "pass",
      title: truncateText(`Cloudflare AI Gateway DLP ${blocked ? "blocked" : "flagged"} request ${log.id}`, 500),
      attributes: {
        ...base,
        guardrail: "dlp",
        intervened: blocked,
        dlpAction: dlpAction.toUpperCase(),
        ...compactAttributes({ dlpCheck: listText(dlp?.check), dlpPolicies: listText(dlp?.policies) }),
      },
    });
  }

  if (log.model && /llama-guard/i.test(log.model)) {
    const ran = log.success !== false;
    findings.push({
      ...common(),
      key: `${keyBase}/guardrail=guardrails-evaluation`,
      check: "guardrail",
      outcome: ran ? "pass" : "fail",
      title: truncateText(`Cloudflare AI Gateway Guardrails evaluation ${ran ? "ran" : "failed"} (${log.model})`, 500),
      attributes: {
        ...base,
        guardrail: "cloudflare-guardrails",
        ...compactAttributes({ statusCode: log.status_code }),
      },
    });
  }

  if (log.authentication === true) {
    findings.push({
      ...common(),
      key: `${keyBase}/authentication`,
      check: "authentication",
      outcome: "pass",
      title: truncateText(`Cloudflare AI Gateway request ${log.id} came through an authenticated gateway`, 500),
      attributes: { ...base, authenticatedGateway: true },
    });
  }
  return findings;
}

/** The caller's `cf-aig-metadata` (JSON-encoded in the API), as up to ten `metadata.<key>` attributes. */
function metadataAttributes(value: unknown): NormalizedFinding["attributes"] {
  const metadata = parseEmbeddedJson(value, "Cloudflare AI Gateway log metadata");
  const out: NormalizedFinding["attributes"] = {};
  if (!isRecord(metadata)) return out;
  for (const [key, v] of Object.entries(metadata).slice(0, MAX_METADATA_KEYS)) {
    if (typeof v === "string") out[`metadata.${key}`] = truncateText(v, 200);
    else if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean") out[`metadata.${key}`] = v;
  }
  return out;
}

function listText(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (!Array.isArray(value)) return null;
  const parts = value
    .map((v) => (typeof v === "string" ? v : isRecord(v) && typeof v.id === "string" ? v.id : null))
    .filter((v): v is string => v !== null);
  return parts.length > 0 ? truncateText(parts.join(","), 200) : null;
}

export const cloudflareAiGatewayAdapter: SourceAdapter = {
  kind: "cloudflare-ai-gateway",
  contentTypes: ["application/json"],
  parse,
};
