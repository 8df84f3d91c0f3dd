/**
 * Normalizes a timestamp from an attestation to ISO 8601, or null when it is not a valid date. Accepts
 * RFC 3339 strings and epoch numbers or numeric strings (Rekor's `integratedTime` is epoch seconds as a
 * string); values below 1e11 are taken as seconds, larger ones as milliseconds.
 */
export function toIsoTimestamp(value: unknown): string | null {
  let date: Date | null = null;
  if (typeof value === "number" && Number.isFinite(value)) {
    date = toEpochDate(value);
  } else if (typeof value === "string" && value.trim() !== "") {
    const t = value.trim();
    date = /^\d+(\.\d+)?$/.test(t) ? toEpochDate(Number(t)) : new Date(t);
  }
  return date !== null && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

function toEpochDate(n: number): Date {
  return new Date(n < 1e11 ? n * 1000 : n);
}
