import type { CatalogNode } from "../catalog/catalog-schema.ts";
import type { Scope } from "../catalog/catalog-vocabulary.ts";
import type { SystemFacts } from "./system-facts.ts";

export type DateBasis = "amended" | "original";

export interface Applicability {
  requirementId: string;
  /** `applies` on the given date; `upcoming` will apply from `effectiveFrom`; `not-applicable` never for these facts. */
  status: "applies" | "upcoming" | "not-applicable";
  /** The date used for the decision under the chosen basis (null when not applicable or removed). */
  effectiveFrom: string | null;
  appliesFrom: string | null;
  appliesFromOriginal: string | null;
  /** Whole days from the given date until `effectiveFrom` (upcoming only). */
  daysLeft: number | null;
  /** Why: one line per deciding fact, in plain words. */
  reasons: string[];
}

/** The dates from which each scope's obligations apply under Art. 113 (used for "placed on the market before"). */
const SCOPE_START: Record<Scope, string> = {
  "any-ai-system": "2026-08-02",
  "high-risk-annex-iii": "2026-08-02",
  "high-risk-annex-i": "2027-08-02",
  gpai: "2025-08-02",
  "gpai-systemic": "2025-08-02",
};

function activeScopes(facts: SystemFacts): Set<Scope> {
  const scopes = new Set<Scope>(["any-ai-system"]);
  if (facts.riskClass === "high-risk-annex-iii" || facts.riskClass === "high-risk-annex-i") scopes.add(facts.riskClass);
  if (facts.gpai !== "none") scopes.add("gpai");
  if (facts.gpai === "gpai-systemic") scopes.add("gpai-systemic");
  return scopes;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Decides whether one catalog requirement applies to a system on a date (YYYY-MM-DD): the system's
 * roles must include one the requirement binds, one of its scopes must be active for the system, all
 * its conditions must hold, and its application date (the Digital Omnibus date by default, or the
 * original Art. 113 date) must have arrived. Pure: same inputs, same answer.
 */
export function decideApplicability(
  node: CatalogNode,
  facts: SystemFacts,
  asOf: string,
  basis: DateBasis = "amended",
): Applicability {
  const base = {
    requirementId: node.id,
    appliesFrom: node.appliesFrom ?? null,
    appliesFromOriginal: node.appliesFromOriginal ?? null,
  };
  const no = (reasons: string[]): Applicability => ({
    ...base,
    status: "not-applicable",
    effectiveFrom: null,
    daysLeft: null,
    reasons,
  });
  const reasons: string[] = [];

  if (node.roles) {
    const matched = node.roles.filter((r) => facts.roles.includes(r));
    if (matched.length === 0) {
      return no([
        `binds ${node.roles.join(", ")}; this organization is ${facts.roles.join(", ") || "in no operator role"} for the system`,
      ]);
    }
    reasons.push(`binds the ${matched.join(" and ")}`);
  }
  if (node.scope) {
    const scopes = activeScopes(facts);
    const matched = node.scope.filter((s) => scopes.has(s));
    if (matched.length === 0)
      return no([
        `covers ${node.scope.join(", ")}; the system is ${facts.riskClass}${facts.gpai !== "none" ? ` and ${facts.gpai}` : ""}`,
      ]);
    reasons.push(`covers ${matched.join(", ")}`);
  }
  for (const condition of node.conditions ?? []) {
    const holds =
      condition === "placed-on-market-before-application"
        ? facts.placedOnMarketAt !== null && facts.placedOnMarketAt < SCOPE_START[node.scope?.[0] ?? "any-ai-system"]
        : facts.conditions.includes(condition);
    if (!holds) return no([...reasons, `only when ${condition}, which does not hold for the system`]);
    reasons.push(`condition ${condition} holds`);
  }
  if (basis === "amended" && node.omnibus?.change === "removed") {
    return no([...reasons, `removed by the Digital Omnibus on AI: ${node.omnibus.note}`]);
  }
  const effectiveFrom =
    (basis === "amended" ? node.appliesFrom : node.appliesFromOriginal) ?? node.appliesFromOriginal ?? null;
  if (effectiveFrom === null || effectiveFrom <= asOf) {
    return {
      ...base,
      status: "applies",
      effectiveFrom,
      daysLeft: null,
      reasons: [...reasons, effectiveFrom ? `applies since ${effectiveFrom}` : "applies (no date)"],
    };
  }
  return {
    ...base,
    status: "upcoming",
    effectiveFrom,
    daysLeft: daysBetween(asOf, effectiveFrom),
    reasons: [...reasons, `applies from ${effectiveFrom}`],
  };
}
