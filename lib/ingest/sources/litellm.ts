import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { mapLitellmGuardrail } from "./litellm/map-litellm-guardrail.ts";
import { readLitellmRecords } from "./litellm/read-litellm-records.ts";
import { readLitellmRequest, type LitellmRequest } from "./litellm/read-litellm-request.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { makeUnrecognisedFinding, type UnrecognisedSource } from "./shared/make-unrecognised-finding.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * LiteLLM proxy logs, in the shapes of BerriAI/litellm `litellm/types/utils.py` (StandardLoggingPayload,
 * StandardLoggingGuardrailInformation, GuardrailStatus) and `litellm/proxy/_types.py` (SpendLogsPayload,
 * SpendLogsMetadata), as on litellm main in 2025-2026; older payloads (guardrail info inside `metadata`,
 * `success|failure|blocked` guardrail statuses, a single guardrail dict) are read too:
 * - `StandardLoggingPayload` (`id`, `call_type`, `status`, `metadata.user_api_key_*`, `response_cost`,
 *   `guardrail_information`, `status_fields`), as the generic_api / webhook / GCS Pub/Sub loggers send it;
 * - `LiteLLM_SpendLogs` rows (`request_id`, `api_key` = hashed key, `spend`, and `metadata`,
 *   `request_tags`, `messages`, `response` as JSON-encoded strings), as Pub/Sub and `/spend/logs` give them;
 * - a bare `StandardLoggingGuardrailInformation` (`guardrail_name`, `guardrail_status`).
 * One object, an array (generic_api `json_array`, the default), JSON Lines (generic_api `ndjson`) and
 * `{ data: [...] }` / `{ logs: [...] }` wrappers are accepted (`/spend/logs/ui` pages use `data`).
 *
 * Per request: `request-log`/pass (caller, model, status); `authentication` pass when a virtual key,
 * team or user is attached (info otherwise); `spend` pass when the cost was computed (info when LiteLLM
 * reports a cost-tracking failure or none); `rate-limit` pass when the error is a 429 or a budget/rate
 * limit; `guardrail` per guardrail entry (see `map-litellm-guardrail.ts`). Prompt and response text,
 * raw keys and IP addresses are never copied. Spend-log times carry no zone and are read as UTC.
 */

const guardrailOnlySchema = z.looseObject({ guardrail_status: lenientString, guardrail_name: lenientString });

type Kind = "standard_logging_payload" | "spend_log" | "guardrail_information";

/** How records this adapter does not recognise are named. */
const UNRECOGNISED: UnrecognisedSource = { gateway: "litellm", label: "LiteLLM log record" };

function parse(raw: Uint8Array): ParsedEvidence {
  const records = readLitellmRecords(raw);
  const kinds = records.map(classify);
  if (kinds.every((kind) => kind === null)) {
    throw new AppError(
      "validation_failed",
      "This is not a LiteLLM log payload: expected a StandardLoggingPayload (id, call_type), a SpendLogs row " +
        "(request_id, spend) or guardrail information (guardrail_name, guardrail_status).",
    );
  }

  const findings: NormalizedFinding[] = [];
  const types = new Set<string>();
  const times: string[] = [];
  const ids: string[] = [];
  for (const [index, record] of records.entries()) {
    const kind = kinds[index] ?? null;
    if (kind === null) {
      findings.push(makeUnrecognisedFinding(record, `record-${index}/event`, UNRECOGNISED));
      continue;
    }
    types.add(`litellm.${kind}`);
    if (kind === "guardrail_information") {
      const entry = parseSourceShape(guardrailOnlySchema, record, "LiteLLM guardrail information");
      findings.push(mapLitellmGuardrail(entry, null, `guardrail-record-${index}/`));
      continue;
    }
    const request = readLitellmRequest(record, kind);
    if (request.startedAt) times.push(request.startedAt);
    ids.push(request.requestId);
    findings.push(...requestFindings(request));
  }

  return {
    eventType: truncateText([...types].join(","), 200),
    deliveryId: records.length === 1 ? (ids[0] ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function classify(record: Record<string, unknown>): Kind | null {
  if (typeof record.request_id === "string" && ("spend" in record || "api_key" in record)) return "spend_log";
  if (typeof record.id === "string" && typeof record.call_type === "string") return "standard_logging_payload";
  if (typeof record.guardrail_status === "string" || typeof record.guardrail_name === "string") {
    return "guardrail_information";
  }
  return null;
}

function requestFindings(request: LitellmRequest): NormalizedFinding[] {
  const subject: NormalizedFinding["subject"] = request.model
    ? { kind: "model", name: request.model }
    : { kind: "gateway", name: "litellm" };
  const base = `${request.kind}/${request.requestId}`;
  const caller = compactAttributes({
    apiKeyHash: request.apiKeyHash,
    keyAlias: request.keyAlias,
    team: request.teamId,
    teamAlias: request.teamAlias,
    org: request.orgId,
    user: request.userId,
    endUser: request.endUser,
  });
  const context = compactAttributes({
    eventType: `litellm.${request.kind}`,
    requestId: request.requestId,
    model: request.model,
    provider: request.provider,
  });
  const common = () => ({ subject: { ...subject }, severity: null, observedAt: request.startedAt, links: [] });
  const who = request.keyAlias ?? (request.apiKeyHash ? `key ${request.apiKeyHash.slice(0, 12)}…` : null);

  const log: NormalizedFinding = {
    ...common(),
    key: `${base}/request-log`,
    check: "request-log",
    outcome: "pass",
    title: truncateText(
      `LiteLLM ${request.callType ?? "request"} ${request.requestId} to ${request.model ?? "an unknown model"}: ${request.status ?? "status not stated"}`,
      500,
    ),
    attributes: {
      ...context,
      ...caller,
      ...compactAttributes({
        status: request.status,
        statusCode: request.statusCode,
        errorClass: request.errorClass,
        callType: request.callType,
        traceId: request.traceId,
        cacheHit: request.cacheHit,
        tags: request.tags,
        tool: request.tool,
        promptTokens: request.promptTokens,
        completionTokens: request.completionTokens,
        totalTokens: request.totalTokens,
        cost: request.cost,
      }),
    },
  };
  if (request.errorMessage) log.detail = truncateText(request.errorMessage, 300);
  const findings = [log];

  const identified = Object.keys(caller).some((k) => k !== "endUser");
  findings.push({
    ...common(),
    key: `${base}/authentication`,
    check: "authentication",
    outcome: identified ? "pass" : "info",
    title: identified
      ? truncateText(`LiteLLM request ${request.requestId} made with ${who ?? "an identified team or user"}`, 500)
      : truncateText(`LiteLLM request ${request.requestId} is not tied to a virtual key, team or user`, 500),
    attributes: { ...context, ...caller, identified },
  });

  findings.push({
    ...common(),
    key: `${base}/spend`,
    check: "spend",
    outcome: request.costTracked ? "pass" : "info",
    title: request.costTracked
      ? truncateText(
          `LiteLLM request ${request.requestId} cost ${Number((request.cost ?? 0).toPrecision(6))} USD${request.totalTokens !== null ? ` (${request.totalTokens} tokens)` : ""}`,
          500,
        )
      : truncateText(`LiteLLM could not compute the cost of request ${request.requestId}`, 500),
    attributes: {
      ...context,
      ...caller,
      ...compactAttributes({
        cost: request.cost,
        promptTokens: request.promptTokens,
        completionTokens: request.completionTokens,
        totalTokens: request.totalTokens,
      }),
      costTracked: request.costTracked,
    },
  });

  const limit = limitHit(request);
  if (limit) {
    const rateLimit: NormalizedFinding = {
      ...common(),
      key: `${base}/rate-limit`,
      check: "rate-limit",
      outcome: "pass",
      title: truncateText(
        `LiteLLM ${limit} limit stopped request ${request.requestId}${who ? ` from ${who}` : ""}`,
        500,
      ),
      attributes: {
        ...context,
        ...caller,
        ...compactAttributes({ statusCode: request.statusCode, errorClass: request.errorClass }),
        limitType: limit,
      },
    };
    if (request.errorMessage) rateLimit.detail = truncateText(request.errorMessage, 300);
    findings.push(rateLimit);
  }

  for (const entry of request.guardrails) findings.push(mapLitellmGuardrail(entry, request, `${base}/`));
  return findings;
}

/** A 429 or a budget/rate-limit error on a request LiteLLM did not complete. */
function limitHit(request: LitellmRequest): "budget" | "rate" | null {
  if (request.status === "success") return null;
  const errorClass = (request.errorClass ?? "").toLowerCase();
  const message = (request.errorMessage ?? "").toLowerCase();
  if (errorClass.includes("budget") || /budget.{0,40}exceed|exceed.{0,40}budget|over budget|max budget/.test(message)) {
    return "budget";
  }
  if (
    request.statusCode === 429 ||
    errorClass.includes("ratelimit") ||
    /rate.?limit|too many requests|parallel request limit/.test(message)
  ) {
    return "rate";
  }
  return null;
}

export const litellmAdapter: SourceAdapter = {
  kind: "litellm",
  contentTypes: ["application/json", "application/x-ndjson"],
  parse,
};
