/** True for a plain JSON object (not null, not an array), which can then be read key by key. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
