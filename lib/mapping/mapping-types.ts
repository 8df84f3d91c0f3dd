import type { NormalizedFinding } from "../ingest/source-adapter.ts";

/** The parts of a finding evidence rules look at (a NormalizedFinding or a stored Finding row). */
export type MatchableFinding = Pick<
  NormalizedFinding,
  "key" | "check" | "outcome" | "severity" | "observedAt" | "attributes"
>;

/** One rule a finding matched. */
export interface RuleMatch {
  ruleId: string;
  requirementIds: string[];
  freshnessDays: number;
  /**
   * When the finding stops counting: observedAt (never later than receivedAt, when that is given)
   * plus freshnessDays; null when the finding has no usable observedAt and no receivedAt was given.
   */
  expiresAt: Date | null;
}

/** A finding supporting (or, with outcome fail, counting against) one requirement through one rule. */
export interface FindingLink {
  findingKey: string;
  ruleId: string;
  requirementId: string;
  outcome: NormalizedFinding["outcome"];
  expiresAt: Date;
}

export interface MappedFindings {
  links: FindingLink[];
  /** Keys of findings no rule matched, in finding order. */
  unmapped: string[];
}
