import type { EvidenceRule } from "../catalog/rule-schema.ts";
import type { SourceKind } from "../ingest/source-kinds.ts";
import type { FindingLink, MappedFindings, MatchableFinding } from "./mapping-types.ts";
import { matchFindingToRules } from "./match-finding-to-rules.ts";

/**
 * Pure: maps the findings of one piece of evidence through the evidence rules. Every (finding, rule,
 * requirement) triple becomes one link that expires freshnessDays after the finding was observed (or,
 * when it does not say, received; see matchFindingToRules). A finding no rule matches is unmapped,
 * including info and error findings that no rule lists those outcomes for. A repeated finding key
 * adds no second identical link.
 */
export function mapFindings(
  source: SourceKind,
  findings: readonly MatchableFinding[],
  rules: readonly EvidenceRule[],
  receivedAt: Date,
): MappedFindings {
  const links: FindingLink[] = [];
  const unmapped: string[] = [];
  const seenLinks = new Set<string>();
  const seenUnmapped = new Set<string>();
  for (const finding of findings) {
    const matched = matchFindingToRules({ ...finding, source }, rules, receivedAt);
    if (matched.length === 0) {
      if (!seenUnmapped.has(finding.key)) unmapped.push(finding.key);
      seenUnmapped.add(finding.key);
      continue;
    }
    for (const match of matched) {
      for (const requirementId of match.requirementIds) {
        const id = JSON.stringify([finding.key, match.ruleId, requirementId]);
        if (seenLinks.has(id)) continue;
        seenLinks.add(id);
        links.push({
          findingKey: finding.key,
          ruleId: match.ruleId,
          requirementId,
          outcome: finding.outcome,
          // receivedAt is given, so every match has an expiry.
          expiresAt: match.expiresAt ?? receivedAt,
        });
      }
    }
  }
  return { links, unmapped };
}
