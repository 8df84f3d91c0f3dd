import { z } from "zod";
import { parseSourceShape } from "../../json/parse-source-shape.ts";
import type { NormalizedFinding } from "../../source-adapter.ts";
import { booleanOrNull } from "../shared/boolean-or-null.ts";
import { compactAttributes } from "../shared/compact-attributes.ts";
import { isRecord } from "../shared/is-record.ts";
import { lenientText } from "../shared/lenient-text.ts";
import { numberOrNull } from "../shared/number-or-null.ts";
import { toIsoTime, type ToIsoTimeOptions } from "../shared/to-iso-time.ts";
import { truncateText } from "../shared/truncate-text.ts";

/** The request a hook result belongs to, when the payload says. */
export interface HookContext {
  requestId: string | null;
  model: string | null;
  /** Key prefix that keeps findings of several items apart (`request=<id>/`, `item-<n>/` or empty). */
  prefix: string;
}

/** `created_at` of hooks and checks: ISO 8601 date-times (`YYYY-MM-DDT…`), read as sent. */
const CREATED_AT: ToIsoTimeOptions = { text: "iso-date-time", trim: false };

const hookSchema = z.looseObject({
  id: lenientText,
  type: lenientText,
  verdict: booleanOrNull,
  deny: booleanOrNull,
  async: booleanOrNull,
  skipped: booleanOrNull,
  error: z.unknown().optional(),
  execution_time: numberOrNull,
  created_at: lenientText,
  eventType: lenientText,
  checks: z.unknown().optional(),
});
type Hook = z.output<typeof hookSchema>;

const checkSchema = z.looseObject({
  id: lenientText,
  verdict: booleanOrNull,
  error: z.unknown().optional(),
  execution_time: numberOrNull,
  created_at: lenientText,
});

/**
 * The findings of one Portkey `GuardrailResult` (a hook): one `guardrail` finding per check (verdict true
 * -> pass; false -> pass with `flagged`, and `intervened` when the hook denies; an error -> fail), one
 * for a hook without checks (its own verdict or error), info for a skipped hook, and an `event`/info
 * finding for a hook of another type. Pushes the times it reads onto `times`.
 */
export function mapHookFindings(
  raw: Record<string, unknown>,
  phase: string,
  index: number,
  context: HookContext,
  times: string[],
): NormalizedFinding[] {
  const hook = parseSourceShape(hookSchema, raw, "Portkey guardrail result");
  const hookId = hook.id ?? `hook-${index}`;
  const base = `${context.prefix}${phase}/${hookId}`;
  if (hook.type !== null && hook.type !== "guardrail") {
    return [
      eventFinding(
        `${base}/event`,
        `Portkey ${phase.replace("_", " ")} hook ${hookId} of type ${hook.type}`,
        hook,
        context,
      ),
    ];
  }
  const hookAt = toIsoTime(hook.created_at, CREATED_AT);
  if (hookAt) times.push(hookAt);
  const hookAttributes = compactAttributes({
    eventType: "portkey.hook_results",
    guardrail: hookId,
    phase,
    hookVerdict: hook.verdict,
    deny: hook.deny,
    async: hook.async,
    requestId: context.requestId,
    model: context.model,
  });
  const make = (
    key: string,
    outcome: NormalizedFinding["outcome"],
    title: string,
    extra: NormalizedFinding["attributes"],
    at: string | null,
  ) => {
    const finding: NormalizedFinding = {
      key,
      subject: context.model ? { kind: "model", name: context.model } : { kind: "gateway", name: "portkey" },
      check: "guardrail",
      outcome,
      severity: null,
      title: truncateText(title, 500),
      observedAt: at ?? hookAt,
      links: [],
      attributes: { ...hookAttributes, ...extra },
    };
    return finding;
  };

  if (hook.skipped === true) {
    return [
      make(
        `${base}/skipped`,
        "info",
        `Portkey guardrail ${hookId} was skipped (${phase.replace("_", " ")})`,
        { skipped: true },
        null,
      ),
    ];
  }
  const checks = (Array.isArray(hook.checks) ? hook.checks : []).filter(isRecord);
  const hookError = errorText(hook.error);
  if (checks.length === 0) {
    if (hookError)
      return [make(`${base}/error`, "fail", `Portkey guardrail ${hookId} failed to run`, { error: hookError }, null)];
    if (hook.verdict === null)
      return [make(`${base}/result`, "info", `Portkey guardrail ${hookId} reported no checks`, {}, null)];
    const intervened = !hook.verdict && hook.deny === true;
    return [
      make(
        `${base}/result`,
        "pass",
        `Portkey guardrail ${hookId} ${verdictText(hook.verdict, intervened)}`,
        { verdict: hook.verdict, flagged: !hook.verdict, intervened },
        null,
      ),
    ];
  }

  return checks.map((raw, checkIndex) => {
    const check = parseSourceShape(checkSchema, raw, "Portkey guardrail check");
    const checkId = check.id ?? `check-${checkIndex}`;
    const at = toIsoTime(check.created_at, CREATED_AT);
    if (at) times.push(at);
    const extra = compactAttributes({
      check: checkId,
      checkProvider: checkId.includes(".") ? (checkId.split(".")[0] ?? null) : null,
      executionTimeMs: check.execution_time,
    });
    const error = errorText(check.error);
    const key = `${base}/${checkId}`;
    if (error) {
      return make(key, "fail", `Portkey guardrail ${hookId} check ${checkId} errored`, { ...extra, error }, at);
    }
    if (check.verdict === null) {
      return make(key, "info", `Portkey guardrail ${hookId} check ${checkId} gave no verdict`, extra, at);
    }
    const intervened = !check.verdict && hook.deny === true;
    return make(
      key,
      "pass",
      `Portkey guardrail ${hookId} check ${checkId} ${verdictText(check.verdict, intervened)}`,
      { ...extra, verdict: check.verdict, flagged: !check.verdict, intervened },
      at,
    );
  });
}

function verdictText(verdict: boolean, intervened: boolean): string {
  if (verdict) return "passed";
  return intervened ? "failed and the request was denied" : "failed (request allowed)";
}

function eventFinding(key: string, title: string, hook: Hook, context: HookContext): NormalizedFinding {
  return {
    key,
    subject: context.model ? { kind: "model", name: context.model } : { kind: "gateway", name: "portkey" },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(title, 500),
    observedAt: toIsoTime(hook.created_at, CREATED_AT),
    links: [],
    attributes: compactAttributes({ eventType: `portkey.hook.${hook.type ?? "unknown"}`, hookType: hook.type }),
  };
}

/** A check error as Portkey serialises it (`{ name, message }`), or a plain string; else null. */
function errorText(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return truncateText(value, 200);
  if (isRecord(value)) {
    const parts = [value.name, value.message].filter((p): p is string => typeof p === "string" && p.trim() !== "");
    return truncateText(parts.length > 0 ? parts.join(": ") : "error", 200);
  }
  return null;
}
