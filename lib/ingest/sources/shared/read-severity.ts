import type { NormalizedFinding } from "../../source-adapter.ts";

/** A finding severity other than "none". */
export type Severity = NonNullable<NormalizedFinding["severity"]>;

const NAMES: ReadonlyMap<string, Severity> = new Map([
  ["critical", "critical"],
  ["high", "high"],
  ["medium", "medium"],
  ["low", "low"],
]);

/**
 * The severity a tool names: `critical`, `high`, `medium` or `low` in any letter case (`HIGH`, `High`),
 * or one of the tool's own words in `aliases` (lower-case keys, e.g. `{ moderate: "medium" }` for GitHub
 * advisories, `{ negligible: "info" }` for Grype). `info` is only read when an alias says so. Anything
 * else (other words, blank, non-text) is null.
 */
export function readSeverity(value: unknown, aliases: Readonly<Record<string, Severity>> = {}): Severity | null {
  if (typeof value !== "string") return null;
  const name = value.toLowerCase();
  return NAMES.get(name) ?? (Object.hasOwn(aliases, name) ? (aliases[name] ?? null) : null);
}
