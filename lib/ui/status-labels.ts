import type { ReadinessStatus, Stage } from "../scoring/scoring-types.ts";

/** How each readiness status is named on the pages. */
export const STATUS_LABEL: Record<ReadinessStatus, string> = {
  met: "met",
  partial: "partial",
  failing: "failing",
  missing: "missing",
  stale: "stale",
  waived: "waived",
  "not-applicable": "not applicable",
};

/** Short forms for dense places (heatmap cells); the legend spells them out. */
export const STATUS_SHORT: Record<ReadinessStatus, string> = {
  met: "Met",
  partial: "Part",
  failing: "Fail",
  missing: "Miss",
  stale: "Stale",
  waived: "Waiv",
  "not-applicable": "n/a",
};

/** What each status means, for legends and titles. */
export const STATUS_MEANING: Record<ReadinessStatus, string> = {
  met: "fresh passing evidence meets every expectation",
  partial: "some expectations are met, others still need evidence",
  failing: "a fresh failing result counts against it",
  missing: "no evidence yet",
  stale: "the evidence that supported it has expired",
  waived: "an approved, unexpired waiver covers the gap",
  "not-applicable": "does not apply to the system on this date",
};

/** CISA Zero Trust Maturity Model stages, capitalised. */
export const STAGE_LABEL: Record<Stage, string> = {
  traditional: "Traditional",
  initial: "Initial",
  advanced: "Advanced",
  optimal: "Optimal",
};

/** The statuses that cost points: what "open requirements" and the drill-down links from charts list. */
export const OPEN_STATUSES = ["failing", "stale", "missing", "partial"] as const;
