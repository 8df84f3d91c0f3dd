import { DEFAULT_RULE_OUTCOMES, RULE_SEVERITIES, type EvidenceRule } from "../catalog/rule-schema.ts";
import type { SourceKind } from "../ingest/source-kinds.ts";
import type { MatchableFinding, RuleMatch } from "./mapping-types.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function meetsSeverity(finding: MatchableFinding, minSeverity: EvidenceRule["match"]["minSeverity"]): boolean {
  if (!minSeverity || finding.outcome !== "fail" || finding.severity === null) return true;
  return RULE_SEVERITIES.indexOf(finding.severity) >= RULE_SEVERITIES.indexOf(minSeverity);
}

function attributesEqual(finding: MatchableFinding, wanted: EvidenceRule["match"]["attributes"]): boolean {
  for (const [name, expected] of Object.entries(wanted ?? {})) {
    if (!Object.hasOwn(finding.attributes, name)) return false;
    const actual = finding.attributes[name];
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.some((value) => value === actual)) return false;
  }
  return true;
}

function matches(finding: MatchableFinding & { source: SourceKind }, rule: EvidenceRule): boolean {
  const m = rule.match;
  return (
    (m.sources === undefined || m.sources.includes(finding.source)) &&
    m.checks.includes(finding.check) &&
    (m.outcomes ?? DEFAULT_RULE_OUTCOMES).includes(finding.outcome) &&
    meetsSeverity(finding, m.minSeverity) &&
    attributesEqual(finding, m.attributes)
  );
}

/** observedAt when it parses, capped at receivedAt (a sender's clock cannot extend freshness); else receivedAt. */
function countsFrom(observedAt: string | null, receivedAt: Date | undefined): number | null {
  const observed = observedAt === null ? Number.NaN : Date.parse(observedAt);
  const received = receivedAt?.getTime();
  if (Number.isNaN(observed)) return received ?? null;
  return received !== undefined && observed > received ? received : observed;
}

/**
 * Pure: the evidence rules a finding matches, in rule order, each with its requirements and the time
 * the finding stops counting for them. A rule matches when the finding's source is among its sources
 * (any, when it lists none), its check among its checks, its outcome among its outcomes (pass and fail
 * when it lists none), a failing finding is at or above its minSeverity, and every listed attribute
 * is equal (or one of the listed values).
 */
export function matchFindingToRules(
  finding: MatchableFinding & { source: SourceKind },
  rules: readonly EvidenceRule[],
  receivedAt?: Date,
): RuleMatch[] {
  const from = countsFrom(finding.observedAt, receivedAt);
  return rules
    .filter((rule) => matches(finding, rule))
    .map((rule) => ({
      ruleId: rule.id,
      requirementIds: [...rule.requirements],
      freshnessDays: rule.freshnessDays,
      expiresAt: from === null ? null : new Date(from + rule.freshnessDays * DAY_MS),
    }));
}
