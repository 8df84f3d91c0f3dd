import { readinessQuery } from "../readiness/readiness-query.ts";

export interface AsOfParam {
  /** The value to pass on as `asOf` (readiness by that date); undefined: now. */
  asOf: string | undefined;
  /** The date the date pickers show: the requested day, else today (UTC). */
  day: string;
  /** Why the requested value was not used, or null. */
  error: string | null;
}

/**
 * Pure: a page's `?asOf=` (a date YYYY-MM-DD or an ISO date-time: readiness by then) read leniently:
 * empty means today, and a value the readiness query refuses is reported and replaced by today.
 */
export function readAsOfParam(raw: string | string[] | undefined, now: Date = new Date()): AsOfParam {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  const today = now.toISOString().slice(0, 10);
  if (!value) return { asOf: undefined, day: today, error: null };
  const parsed = readinessQuery.safeParse({ asOf: value });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is not a date";
    return { asOf: undefined, day: today, error: `The date ${message}; showing today instead.` };
  }
  return { asOf: value, day: value.slice(0, 10), error: null };
}
