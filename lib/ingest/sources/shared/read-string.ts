/**
 * A string field: a string that is not blank (returned as sent, untrimmed); anything else, numbers
 * included, is null. `readText` also takes numbers.
 */
export function readString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
