import { toIsoTime } from "../shared/to-iso-time.ts";

/** Python `str(datetime)` / `isoformat()` text: date, time, optional fraction and zone (none means UTC). */
const PYTHON_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * LiteLLM times as ISO 8601: epoch seconds (float) in StandardLoggingPayload, epoch milliseconds from
 * some shippers (both above zero), and Python `str(datetime)` text (`2025-01-24 09:20:46.847371`, no zone,
 * read as UTC; the fraction is cut to milliseconds) in SpendLogs rows. Anything else (a date alone
 * included) is null.
 */
export function readLitellmTime(value: unknown): string | null {
  const m = typeof value === "string" ? PYTHON_TIME.exec(value.trim()) : null;
  if (!m) return toIsoTime(value, { epochSecondsBelow: 1e11, text: "none", afterEpoch: true });
  const fraction = m[3] ? m[3].slice(0, 4) : "";
  const zone = m[4] ? (m[4].toUpperCase() === "Z" ? "Z" : m[4].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "Z";
  return toIsoTime(`${m[1]}T${m[2]}${fraction}${zone}`, { text: "iso-date-time" });
}
