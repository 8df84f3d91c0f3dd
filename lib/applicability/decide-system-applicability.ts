import type { CatalogNode } from "../catalog/catalog-schema.ts";
import type { AiSystemSummary } from "../systems/to-ai-system-summary.ts";
import { decideApplicability, type Applicability, type DateBasis } from "./decide-applicability.ts";
import type { SystemFacts } from "./system-facts.ts";
import { toSystemFacts } from "./to-system-facts.ts";

/** Facts that bind no role, scope or condition: what a standard's organization-wide controls see. */
const NEUTRAL: SystemFacts = { roles: [], riskClass: "minimal", gpai: "none", conditions: [], placedOnMarketAt: null };

/**
 * Pure: which requirements apply to one system on a date, for every framework. A regulation's
 * requirements need the system's classification (until then, and for something that is not an AI
 * system, none apply, with the reason); a standard's controls carry no role or date and apply to every
 * system. Groups are skipped.
 */
export function decideSystemApplicability(
  nodes: readonly { node: CatalogNode; frameworkKind: string }[],
  system: AiSystemSummary,
  asOf: string,
  basis: DateBasis = "amended",
): Map<string, Applicability> {
  const known = toSystemFacts(system);
  const decisions = new Map<string, Applicability>();
  for (const { node, frameworkKind } of nodes) {
    if (node.kind !== "requirement") continue;
    if (frameworkKind === "regulation" && !("facts" in known)) {
      decisions.set(node.id, {
        requirementId: node.id,
        status: "not-applicable",
        effectiveFrom: null,
        appliesFrom: node.appliesFrom ?? null,
        appliesFromOriginal: node.appliesFromOriginal ?? null,
        daysLeft: null,
        reasons: [known.unknown],
      });
      continue;
    }
    decisions.set(node.id, decideApplicability(node, "facts" in known ? known.facts : NEUTRAL, asOf, basis));
  }
  return decisions;
}
