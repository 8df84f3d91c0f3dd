/** The latest of some ISO 8601 UTC times (compared as text, which orders them for years 0000-9999), or null for none. */
export function pickLatestTime(times: readonly string[]): string | null {
  return times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null;
}
