export interface ToIsoTimeOptions {
  /**
   * Read numbers and digit strings (`1718000000`, `"1718000000.5"`) as Unix time: values below this bound
   * are seconds, the others milliseconds. Senders differ: `1e12` (seconds up to the year 33658) or `1e11`
   * (milliseconds from 1973 on). Absent (the default): numbers are not times, and digit strings are read
   * as text.
   */
  epochSecondsBelow?: number;
  /**
   * Which text is read as a date (with `Date.parse`):
   * - `"iso-date"` (the default): text that starts with `YYYY-MM-DD`;
   * - `"iso-date-time"`: text that starts with `YYYY-MM-DDT`;
   * - `"any"`: whatever `Date.parse` reads (`2025`, `Jan 5 2025 10:00`...);
   * - `"none"`: no text (only Unix time, with `epochSecondsBelow`).
   */
  text?: "iso-date" | "iso-date-time" | "any" | "none";
  /**
   * Read a date-time without a zone (`2025-01-05T10:00:00.123`, also with a space for the `T`, as
   * Python's `datetime.isoformat()` / `str(datetime)` write it) as UTC. Off (the default): JavaScript's
   * rule applies, i.e. local time of the server (a date alone is UTC either way).
   */
  zonelessAsUtc?: boolean;
  /** Reject times at or before 1970-01-01T00:00:00Z (a zero or unset clock). Off by default. */
  afterEpoch?: boolean;
  /** Trim white space off text before reading it (the default); with `false`, padded text is not a time. */
  trim?: boolean;
}

const DIGITS = /^\d+(\.\d+)?$/;
const TEXT_PATTERNS = { "iso-date": /^\d{4}-\d{2}-\d{2}/, "iso-date-time": /^\d{4}-\d{2}-\d{2}T/, any: /(?:)/ };
const ZONELESS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A time a payload states, as ISO 8601 in UTC (`2025-01-05T10:00:00.000Z`), or null when `value` is
 * not a time the options accept or not a valid date. See `ToIsoTimeOptions` for what is read: by
 * default ISO 8601 text only (zone-less date-times in local time), never numbers.
 */
export function toIsoTime(value: unknown, options: ToIsoTimeOptions = {}): string | null {
  const { epochSecondsBelow, text = "iso-date", zonelessAsUtc = false, afterEpoch = false, trim = true } = options;
  let ms: number | null = null;
  if (typeof value === "number") {
    if (epochSecondsBelow !== undefined) ms = fromEpoch(value, epochSecondsBelow);
  } else if (typeof value === "string") {
    const t = trim ? value.trim() : value;
    if (epochSecondsBelow !== undefined && DIGITS.test(t)) ms = fromEpoch(Number(t), epochSecondsBelow);
    else if (text !== "none" && TEXT_PATTERNS[text].test(t)) {
      ms = Date.parse(zonelessAsUtc && ZONELESS.test(t) ? `${t.replace(" ", "T")}Z` : t);
    }
  }
  if (ms === null || !Number.isFinite(ms) || (afterEpoch && ms <= 0)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function fromEpoch(n: number, secondsBelow: number): number {
  return n < secondsBelow ? n * 1000 : n;
}
