import { z } from "zod";
import { parseSourceShape } from "../../json/parse-source-shape.ts";
import type { NormalizedFinding } from "../../source-adapter.ts";

/** The request a hook result belongs to, when the payload says. */
export interface HookContext {
  requestId: string | null;
  model: string | null;
  /** Key prefix that keeps findings of several items apart (`request=<id>/`, `item-<n>/` or empty). */
  prefix: string;
}

const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" && v.trim() !== "" ? v : null));
const num = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
const bool = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "boolean" ? v : null));

const hookSchema = z.looseObject({
  id: text,
  type: text,
  verdict: bool,
  deny: bool,
  async: bool,
  skipped: bool,
  error: z.unknown().optional(),
  execution_time: num,
  created_at: text,
  eventType: text,
  checks: z.unknown().optional(),
});
type Hook = z.output<typeof hookSchema>;

const checkSchema = z.looseObject({
  id: text,
  verdict: bool,
  error: z.unknown().optional(),
  execution_time: num,
  created_at: text,
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
  const hookAt = isoTime(hook.created_at);
  if (hookAt) times.push(hookAt);
  const hookAttributes = compact({
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
      title: cut(title, 500),
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
  const checks = (Array.isArray(hook.checks) ? hook.checks : []).filter(isObject);
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
    const at = isoTime(check.created_at);
    if (at) times.push(at);
    const extra = compact({
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
    title: cut(title, 500),
    observedAt: isoTime(hook.created_at),
    links: [],
    attributes: compact({ eventType: `portkey.hook.${hook.type ?? "unknown"}`, hookType: hook.type }),
  };
}

/** A check error as Portkey serialises it (`{ name, message }`), or a plain string; else null. */
function errorText(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return cut(value, 200);
  if (isObject(value)) {
    const parts = [value.name, value.message].filter((p): p is string => typeof p === "string" && p.trim() !== "");
    return cut(parts.length > 0 ? parts.join(": ") : "error", 200);
  }
  return null;
}

function isoTime(value: string | null): string | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compact(values: Record<string, string | number | boolean | null>): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) out[name] = value;
  return out;
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
