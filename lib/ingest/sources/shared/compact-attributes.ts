import type { NormalizedFinding } from "../../source-adapter.ts";

/**
 * Finding attributes without the facts the payload did not state: drops the entries whose value is
 * null (false, 0 and "" are kept). Returns a new object; key order is kept.
 */
export function compactAttributes(
  values: Record<string, string | number | boolean | null>,
): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) out[name] = value;
  return out;
}
