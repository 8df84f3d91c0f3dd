/**
 * LiteLLM times as ISO 8601: epoch seconds (float) in StandardLoggingPayload, epoch milliseconds from
 * some shippers, and Python `str(datetime)` text (`2025-01-24 09:20:46.847371`, no zone, read as UTC)
 * in SpendLogs rows. Anything unreadable is null.
 */
export function toIsoTime(value: unknown): string | null {
  let ms: number | null = null;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    ms = value < 1e11 ? value * 1000 : value;
  } else if (typeof value === "string") {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) {
      const n = Number(text);
      ms = n > 0 ? (n < 1e11 ? n * 1000 : n) : null;
    } else {
      const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
      if (m) {
        const fraction = m[3] ? m[3].slice(0, 4) : "";
        const zone = m[4] ? (m[4].toUpperCase() === "Z" ? "Z" : m[4].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "Z";
        ms = Date.parse(`${m[1]}T${m[2]}${fraction}${zone}`);
      }
    }
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
