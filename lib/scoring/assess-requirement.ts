import { combineVerdicts } from "./combine-verdicts.ts";
import { decideExpectation } from "./decide-expectation.ts";
import { findActiveWaiver } from "./find-active-waiver.ts";
import type {
  EvidenceItem,
  ExpectationResult,
  RequirementResult,
  ScoringApplicability,
  ScoringNode,
  ScoringRule,
  Waiver,
} from "./scoring-types.ts";

const NOT_APPLICABLE: ScoringApplicability = {
  status: "not-applicable",
  effectiveFrom: null,
  appliesFromOriginal: null,
  daysLeft: null,
  reasons: ["does not apply to this system"],
};

function describeRule(rule: ScoringRule): { text: string; sources: string[] } {
  const from = rule.sources.length > 0 ? rule.sources.join(", ") : "any source";
  return {
    text: `${rule.title}: a fresh passing ${rule.checks.join(" or ")} result (counts ${rule.freshnessDays} days) from ${from}`,
    sources: [...rule.sources],
  };
}

function summarize(result: Omit<RequirementResult, "summary">): string {
  const { status, evidenceStatus, expectations, applicability } = result;
  const n = expectations.length;
  const count = (v: string) => expectations.filter((e) => e.verdict === v).length;
  if (applicability.status === "not-applicable") return applicability.reasons.join("; ");
  const prefix =
    applicability.status === "upcoming"
      ? `Applies from ${applicability.effectiveFrom} (${applicability.daysLeft} days); until then not counted. `
      : "";
  if (status === "waived" && result.waiver) {
    return `${prefix}Waived until ${result.waiver.expiresAt.slice(0, 10)} (approved by ${result.waiver.approvedBy}); the evidence alone gives ${evidenceStatus}.`;
  }
  const text: Record<typeof evidenceStatus, string> = {
    met: n === 1 ? "Fresh passing evidence meets it." : `All ${n} expectations are met by fresh passing evidence.`,
    partial: `${count("met")} of ${n} expectations met; ${n - count("met")} still need fresh passing evidence.`,
    failing: `A fresh failing result counts against it (${count("failing")} of ${n} expectations failing).`,
    stale: "The evidence that supported it has expired; fresh evidence is needed.",
    missing: "No evidence yet.",
    "not-applicable": "Not applicable.",
  };
  return prefix + text[evidenceStatus];
}

/**
 * Pure: the status of one requirement for one system at `asOf`, explained. Its expectations are the
 * evidence rules that target it; a requirement no rule targets has one expectation, evidence linked by
 * hand. Hand-made links count for every expectation (a person vouched for the requirement). A
 * requirement that is not applicable, or applies only from a later date, is not counted now (status
 * not-applicable) but its evidence is still judged, for the deadline view. An active waiver turns any
 * status other than met into waived, keeping the evidence's status beside it.
 */
export function assessRequirement(
  node: ScoringNode,
  systemId: string,
  applicability: ScoringApplicability | undefined,
  rules: readonly ScoringRule[],
  items: readonly EvidenceItem[],
  waivers: readonly Waiver[],
  asOf: Date,
): RequirementResult {
  const app = applicability ?? NOT_APPLICABLE;
  const appView = {
    status: app.status,
    effectiveFrom: app.effectiveFrom,
    originalDate: app.appliesFromOriginal,
    daysLeft: app.daysLeft,
    reasons: [...app.reasons],
  };
  let expectations: ExpectationResult[] = [];
  if (app.status !== "not-applicable") {
    const manual = items.filter((i) => i.ruleId === null);
    expectations =
      rules.length === 0
        ? [
            decideExpectation(
              {
                id: "manual",
                title: "Evidence linked by hand",
                satisfyWith: {
                  text: `Link evidence to it by hand with a justification${node.expects?.length ? `, e.g. ${node.expects.join("; ")}` : ""}`,
                  sources: [],
                },
              },
              manual,
              asOf,
            ),
          ]
        : rules.map((rule) =>
            decideExpectation(
              { id: rule.id, title: rule.title, satisfyWith: describeRule(rule) },
              [...items.filter((i) => i.ruleId === rule.id), ...manual],
              asOf,
            ),
          );
  }
  const evidenceStatus =
    app.status === "not-applicable" ? "not-applicable" : combineVerdicts(expectations.map((e) => e.verdict));
  const active =
    evidenceStatus === "met" || evidenceStatus === "not-applicable"
      ? null
      : findActiveWaiver(waivers, node.id, systemId, asOf);
  const waiver = active && {
    id: active.id,
    reason: active.reason,
    compensatingControl: active.compensatingControl,
    approvedBy: active.approvedBy,
    expiresAt: active.expiresAt.toISOString(),
  };
  const status = app.status !== "applies" ? "not-applicable" : waiver ? "waived" : evidenceStatus;
  const result = {
    requirementId: node.id,
    frameworkId: node.frameworkId,
    ref: node.ref,
    title: node.title,
    systemId,
    status,
    evidenceStatus,
    expectations,
    waiver,
    applicability: appView,
  } as const;
  return { ...result, summary: summarize(result) };
}
