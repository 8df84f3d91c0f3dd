import type { EvidenceRule } from "../catalog/rule-schema.ts";
import { loadEvidenceRules } from "../mapping/load-evidence-rules.ts";

/** The evidence rules shipped in `controls/rules/` (read once per process, checked like the catalog). */
export function getEvidenceRules(): readonly EvidenceRule[] {
  return loadEvidenceRules();
}
