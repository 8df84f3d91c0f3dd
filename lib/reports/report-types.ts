import type { DeadlineGroup, ReadinessStatus, Stage, Tally } from "../scoring/scoring-types.ts";

/** What a report covers: the organization, and optionally only some systems and frameworks. */
export interface ReportScope {
  systems: string[] | null;
  frameworks: string[] | null;
}

/** One piece of evidence a report cites, as listed in its manifest. */
export interface ManifestEntry {
  evidenceId: string;
  source: string;
  sha256: string;
  observedAt: string;
  /** Until when it counts as fresh under the rule that linked it (null: no expiry). */
  expiresAt: string | null;
}

export interface ReportRow {
  requirementId: string;
  ref: string;
  title: string;
  status: ReadinessStatus;
  evidenceStatus: ReadinessStatus;
  summary: string;
  /** The evidence that decided it (and, for stale expectations, the last evidence seen). */
  evidence: ManifestEntry[];
  /** Rules (expectations) and their verdicts, e.g. `red-team-results: failing`. */
  expectations: string[];
}

export interface ReportException {
  systemId: string;
  systemName: string;
  requirementId: string;
  ref: string;
  waiverId: string;
  reason: string;
  compensatingControl: string;
  approvedBy: string;
  expiresAt: string;
  evidenceStatus: ReadinessStatus;
}

/** Everything a report shows, taken from one stored snapshot (never rescored). */
export interface ReportData {
  organization: { id: string; slug: string; name: string };
  snapshot: { id: string; asOf: string; digest: string };
  generatedAt: string;
  scope: {
    systems: { id: string; name: string }[];
    frameworks: { id: string; title: string; version: string }[];
  };
  summary: {
    tally: Tally;
    frameworks: Record<string, Tally>;
    systems: { id: string; name: string; tally: Tally }[];
  };
  pillars: { id: string; ref: string; title: string; stage: Stage; systems: { systemId: string; stage: Stage }[] }[];
  /** Per framework, per system, the applicable requirements (not-applicable ones are counted, not listed). */
  results: {
    frameworkId: string;
    systems: { systemId: string; systemName: string; tally: Tally; rows: ReportRow[] }[];
  }[];
  exceptions: ReportException[];
  deadlines: (DeadlineGroup & { systemId: string; systemName: string })[];
  method: readonly string[];
  manifest: ManifestEntry[];
}
