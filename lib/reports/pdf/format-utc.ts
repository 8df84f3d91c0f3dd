/**
 * An ISO timestamp as the report prints it in tables: `2026-10-01 00:00 UTC` (`withZone` false: without
 * the zone, for columns whose header says UTC). null prints `none`; anything unparsable prints as given.
 */
export function formatUtc(iso: string | null, withZone = true): string {
  if (iso === null) return "none";
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const text = time.toISOString().slice(0, 16).replace("T", " ");
  return withZone ? `${text} UTC` : text;
}
