/** The sender-stated time as a Date, or null when absent or not a real date (never trusted for order). */
export function toEffectiveAt(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
