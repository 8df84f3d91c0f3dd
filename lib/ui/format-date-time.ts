/**
 * A timestamp for tables, in UTC so the server-rendered text is the same for every viewer:
 * `2026-07-01 14:03 UTC`. Null or an unparsable value gives `fallback`.
 */
export function formatDateTime(iso: string | null | undefined, fallback = "—"): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
