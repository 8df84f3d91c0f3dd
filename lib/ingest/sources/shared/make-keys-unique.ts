import type { NormalizedFinding } from "../../source-adapter.ts";
import { takeUniqueKey } from "./take-unique-key.ts";

/**
 * Gives every finding a key no earlier finding has: a repeated key becomes `key#2`, `key#3`... (see
 * `takeUniqueKey`). Changes the findings in place and returns the same array.
 */
export function makeKeysUnique(findings: NormalizedFinding[]): NormalizedFinding[] {
  const taken = new Set<string>();
  for (const finding of findings) finding.key = takeUniqueKey(taken, finding.key);
  return findings;
}
