import type { ReadinessStatus, StatusCounts } from "../scoring/scoring-types.ts";

/** Most severe first: what a cell of the heatmap shows when its requirements disagree. */
export const STATUS_SEVERITY = ["failing", "stale", "missing", "partial", "waived", "met"] as const;

/**
 * Pure: the worst status among counted ones (failing > stale > missing > partial > waived > met);
 * not-applicable when no requirement applies.
 */
export function worstStatus(counts: StatusCounts): ReadinessStatus {
  return STATUS_SEVERITY.find((s) => counts[s] > 0) ?? "not-applicable";
}
