/**
 * Plain inputs and outputs of the readiness math (lib/scoring). No database types: lib/readiness
 * loads these from PostgreSQL or PGlite, tests build them by hand.
 */

export const READINESS_STATUSES = [
  "met",
  "partial",
  "failing",
  "missing",
  "stale",
  "waived",
  "not-applicable",
] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

export const MATURITY_STAGE_ORDER = ["traditional", "initial", "advanced", "optimal"] as const;
export type Stage = (typeof MATURITY_STAGE_ORDER)[number];

/** A catalog node as scoring needs it (groups and assessable requirements). */
export interface ScoringNode {
  id: string;
  frameworkId: string;
  parentId: string | null;
  kind: "group" | "requirement";
  ref: string;
  title: string;
  /** Zero Trust controls: the maturity stage meeting the control contributes to. */
  stage?: Stage | undefined;
  /** What evidence would show the requirement is met (catalog text), for `missing` explanations. */
  expects?: readonly string[] | undefined;
}

/** An evidence rule as scoring needs it: which requirements it is an expectation of, and how to satisfy it. */
export interface ScoringRule {
  id: string;
  title: string;
  requirementIds: readonly string[];
  /** Source kinds whose findings the rule accepts (empty: any source). */
  sources: readonly string[];
  checks: readonly string[];
  freshnessDays: number;
}

/** Whether a requirement applies to a system at the point in time scored (from lib/applicability). */
export interface ScoringApplicability {
  status: "applies" | "upcoming" | "not-applicable";
  effectiveFrom: string | null;
  appliesFromOriginal: string | null;
  daysLeft: number | null;
  reasons: readonly string[];
}

export interface ScoringSystem {
  id: string;
  name: string;
  /** requirementId -> applicability; a requirement absent here does not apply to the system. */
  applicability: ReadonlyMap<string, ScoringApplicability>;
}

/**
 * One link between a finding (or a whole piece of evidence) and a requirement, with its evidence.
 * `ruleId` null: linked by a person.
 */
export interface EvidenceItem {
  linkId: string;
  requirementId: string;
  ruleId: string | null;
  outcome: "pass" | "fail" | "info" | "error";
  findingKey: string | null;
  evidenceId: string;
  /**
   * What the finding is about (`model:fraud-v3`, `repo:org/app`); a newer result about the same
   * subject supersedes an older one. Hand-made links are their own subject (`evidence:<id>`).
   */
  subject: string;
  /** The system the evidence is about; null: about the whole organization (counts for every system). */
  systemId: string | null;
  source: string;
  sha256: string;
  receivedAt: Date;
  /** When the finding was observed (its evidence's effective time, else receipt). */
  observedAt: Date;
  /** When it stops counting (rule freshness); null: does not expire (hand-made links). */
  expiresAt: Date | null;
  /** When a person removed the link; it stops counting from then. */
  removedAt: Date | null;
  justification: string | null;
}

export interface Waiver {
  id: string;
  requirementId: string;
  /** null: every system. */
  systemId: string | null;
  reason: string;
  compensatingControl: string;
  approvedBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface ScoringInput {
  asOf: Date;
  nodes: readonly ScoringNode[];
  rules: readonly ScoringRule[];
  systems: readonly ScoringSystem[];
  items: readonly EvidenceItem[];
  waivers: readonly Waiver[];
}

/** The evidence that decided an expectation, as cited in explanations and reports. */
export interface EvidenceRef {
  evidenceId: string;
  linkId: string;
  source: string;
  sha256: string;
  observedAt: string;
  expiresAt: string | null;
  findingKey: string | null;
  outcome: EvidenceItem["outcome"];
  ruleId: string | null;
  justification: string | null;
}

export type ExpectationVerdict = "met" | "failing" | "stale" | "missing";

/** One expectation of a requirement: an evidence rule, or evidence linked by hand when no rule targets it. */
export interface ExpectationResult {
  /** The rule id, or `manual` for a requirement no rule targets. */
  id: string;
  title: string;
  verdict: ExpectationVerdict;
  /** The evidence whose findings decided it (all deciding findings of the latest piece of evidence). */
  decidedBy: EvidenceRef[];
  /** For stale: the most recent expired evidence. */
  lastSeen: EvidenceRef | null;
  /** For missing and stale: what would satisfy it, and from which integration kinds. */
  satisfyWith: { text: string; sources: string[] } | null;
}

export interface RequirementResult {
  requirementId: string;
  frameworkId: string;
  /** How people cite it and its title, as the catalog had them when scored (snapshots stay exact). */
  ref: string;
  title: string;
  systemId: string;
  status: ReadinessStatus;
  /** The status the evidence gives, before a waiver; equals status unless waived. */
  evidenceStatus: Exclude<ReadinessStatus, "waived">;
  /** One line in plain words: why this status. */
  summary: string;
  expectations: ExpectationResult[];
  waiver: { id: string; reason: string; compensatingControl: string; approvedBy: string; expiresAt: string } | null;
  applicability: {
    status: ScoringApplicability["status"];
    effectiveFrom: string | null;
    /** The Art. 113 date as adopted, when the Digital Omnibus on AI moved it. */
    originalDate: string | null;
    daysLeft: number | null;
    reasons: string[];
  };
}

export type StatusCounts = Record<ReadinessStatus, number>;

/** A roll-up: counts per status and the score they give. */
export interface Tally {
  counts: StatusCounts;
  /** Two points per met, one per partial. */
  points: number;
  /** Two points per counted requirement (met, partial, failing, missing, stale). */
  maxPoints: number;
  /** points / maxPoints as a percentage with one decimal; null when nothing counts. */
  score: number | null;
}

export interface GroupScore {
  nodeId: string;
  frameworkId: string;
  ref: string;
  title: string;
  tally: Tally;
}

export interface FunctionStage {
  nodeId: string;
  pillarId: string;
  stage: Stage;
  /** The controls of the next stage up that are not yet met (empty at optimal). */
  nextStageGaps: string[];
}

export interface PillarStage {
  nodeId: string;
  ref: string;
  title: string;
  stage: Stage;
  functions: FunctionStage[];
  tally: Tally;
}

export interface DeadlineGroup {
  date: string;
  /** `amended`: the date after the Digital Omnibus on AI; `original`: Art. 113 as adopted. */
  basis: "amended";
  originalDates: string[];
  daysLeft: number;
  requirementIds: string[];
  tally: Tally;
}

export interface SystemReadiness {
  systemId: string;
  name: string;
  tally: Tally;
  frameworks: Record<string, Tally>;
  /** Every group (chapter, section, article, pillar, function) with requirements under it that count. */
  groups: GroupScore[];
  requirements: RequirementResult[];
  pillars: PillarStage[];
  deadlines: DeadlineGroup[];
}

export interface Gap {
  requirementId: string;
  frameworkId: string;
  ref: string;
  title: string;
  /** Systems where it is failing, missing, stale or partial. */
  systems: { systemId: string; status: ReadinessStatus }[];
  /** Score points the organization would gain if it were met everywhere, as a percentage of the whole. */
  gain: number;
}

export interface ReadinessResult {
  asOf: string;
  tally: Tally;
  frameworks: Record<string, Tally>;
  groups: GroupScore[];
  pillars: PillarStage[];
  systems: SystemReadiness[];
  gaps: Gap[];
}
