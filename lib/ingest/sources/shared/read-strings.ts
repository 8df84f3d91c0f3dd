/** A field that holds one string or a list of them, as a list: the strings only (blank ones included). */
export function readStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
}
