import { toStorableText } from "./to-storable-text.ts";

/** Pure: a JSON value with every string (keys included) made storable by `toStorableText`. */
export function toStorableJson(value: unknown): unknown {
  if (typeof value === "string") return toStorableText(value);
  if (Array.isArray(value)) return value.map((v) => toStorableJson(v));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [toStorableText(k), toStorableJson(v)]),
    );
  }
  return value;
}
