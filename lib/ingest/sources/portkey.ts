import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { mapHookFindings, type HookContext } from "./portkey/map-hook-findings.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { makeUnrecognisedFinding, type UnrecognisedSource } from "./shared/make-unrecognised-finding.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readNumber } from "./shared/read-number.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Portkey AI Gateway guardrail (hook) results, in the shape of Portkey-AI/gateway
 * `src/middlewares/hooks/types.ts` (`GuardrailResult`: `id`, `verdict`, `deny`, `async`, `skipped`,
 * `error`, `checks[]` of `GuardrailCheckResult`: `id` like `default.regexMatch`, `verdict`, `error`,
 * `execution_time`, `created_at`) and `hooks/index.ts` (a check that throws gets `verdict: false` and an
 * `error`; a denying hook that fails makes the gateway answer 446, a non-denying one 246). Accepted: a
 * gateway response carrying `hook_results: { before_request_hooks, after_request_hooks }` (a completion
 * or the 446 `hooks_failed` error body), a bare `hook_results` object, a bare `GuardrailResult`, or an
 * array of any of these.
 *
 * One `guardrail` finding per check: verdict true -> pass; verdict false -> pass with `flagged: true`
 * (the guardrail ran) and `intervened: true` when its hook denies; an errored check -> fail; a skipped
 * hook -> info. A hook of another `type` is kept as an `event`/info finding. A completion with an `id`
 * also gives a `request-log`/pass. A check's `data` (plugin-specific, may quote the prompt) is never copied.
 */

const PHASES = [
  ["before_request_hooks", "before_request"],
  ["after_request_hooks", "after_request"],
] as const;

/** How records this adapter does not recognise are named. */
const UNRECOGNISED: UnrecognisedSource = { gateway: "portkey", label: "Portkey record" };

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "Portkey hook results");
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0)
    throw new AppError("validation_failed", "This is not a Portkey hook result: the array is empty.");
  const objects = items.map((item) => {
    if (!isRecord(item)) {
      throw new AppError("validation_failed", "This is not a Portkey hook result: every item must be a JSON object.");
    }
    return item;
  });
  if (!objects.some((o) => classify(o) !== null)) {
    throw new AppError(
      "validation_failed",
      "This is not a Portkey hook result: expected hook_results, before_request_hooks/after_request_hooks or a guardrail result (id, verdict, checks).",
    );
  }

  const findings: NormalizedFinding[] = [];
  const times: string[] = [];
  const ids: (string | null)[] = [];
  for (const [index, item] of objects.entries()) {
    const kind = classify(item);
    const requestId = kind === "response" && typeof item.id === "string" ? item.id : null;
    ids.push(requestId);
    const context: HookContext = {
      requestId,
      model: kind === "response" && typeof item.model === "string" ? item.model : null,
      prefix: requestId ? `request=${requestId}/` : objects.length > 1 ? `item-${index}/` : "",
    };
    if (kind === null) {
      findings.push(makeUnrecognisedFinding(item, `${context.prefix}event`, UNRECOGNISED));
      continue;
    }
    const groups =
      kind === "hook"
        ? [[hookPhase(item), [item]] as const]
        : phaseGroups(kind === "response" ? item.hook_results : item);
    for (const [phase, hooks] of groups) {
      for (const [hookIndex, rawHook] of hooks.entries()) {
        if (!isRecord(rawHook)) continue;
        findings.push(...mapHookFindings(rawHook, phase, hookIndex, context, times));
      }
    }
    if (requestId) findings.push(requestLog(item, context, times));
  }
  return {
    eventType: "portkey.hook_results",
    deliveryId: objects.length === 1 ? (ids[0] ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function classify(item: Record<string, unknown>): "response" | "hook_results" | "hook" | null {
  if (isRecord(item.hook_results)) return "response";
  if (Array.isArray(item.before_request_hooks) || Array.isArray(item.after_request_hooks)) return "hook_results";
  if (
    typeof item.id === "string" &&
    (item.type === "guardrail" || (typeof item.verdict === "boolean" && "checks" in item))
  ) {
    return "hook";
  }
  if (typeof item.id === "string" && typeof item.type === "string" && Array.isArray(item.checks)) return "hook";
  return null;
}

function phaseGroups(value: unknown): (readonly [string, unknown[]])[] {
  if (!isRecord(value)) return [];
  return PHASES.map(
    ([field, phase]) => [phase, Array.isArray(value[field]) ? (value[field] as unknown[]) : []] as const,
  );
}

function hookPhase(hook: Record<string, unknown>): string {
  if (hook.eventType === "beforeRequestHook") return "before_request";
  if (hook.eventType === "afterRequestHook") return "after_request";
  return "hook";
}

function requestLog(item: Record<string, unknown>, context: HookContext, times: string[]): NormalizedFinding {
  const usage = isRecord(item.usage) ? item.usage : {};
  const created = typeof item.created === "number" && item.created > 0 ? new Date(item.created * 1000) : null;
  const at = created && !Number.isNaN(created.getTime()) ? created.toISOString() : null;
  if (at) times.push(at);
  const provider = typeof item.provider === "string" ? item.provider : null;
  return {
    key: `${context.prefix}request-log`,
    subject: context.model ? { kind: "model", name: context.model } : { kind: "gateway", name: "portkey" },
    check: "request-log",
    outcome: "pass",
    severity: null,
    title: truncateText(
      `Portkey request ${context.requestId ?? ""} to ${context.model ?? "an unknown model"}${provider ? ` (${provider})` : ""}`,
      500,
    ),
    observedAt: at,
    links: [],
    attributes: compactAttributes({
      eventType: "portkey.hook_results",
      requestId: context.requestId,
      model: context.model,
      provider,
      promptTokens: readNumber(usage.prompt_tokens),
      completionTokens: readNumber(usage.completion_tokens),
      totalTokens: readNumber(usage.total_tokens),
    }),
  };
}

export const portkeyAdapter: SourceAdapter = {
  kind: "portkey",
  contentTypes: ["application/json"],
  parse,
};
