/**
 * A text field that may also arrive as a number (ids, versions, run numbers): a string that is not blank
 * (returned as sent, untrimmed), or a finite number as its decimal string; anything else is null.
 * `readString` is the same without numbers.
 */
export function readText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}
