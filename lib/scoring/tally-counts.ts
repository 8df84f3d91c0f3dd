import type { StatusCounts, Tally } from "./scoring-types.ts";

/** Points a status earns out of two; statuses absent here do not count (waived, not-applicable). */
export const STATUS_POINTS = { met: 2, partial: 1, failing: 0, missing: 0, stale: 0 } as const;

/**
 * The score of a set of statuses: two points per met, one per partial, none for failing, missing or
 * stale, out of two per counted requirement. Waived and not-applicable requirements are left out of
 * both sides. The percentage has one decimal; null when nothing counts. Integers until the last step,
 * so roll-ups add exactly.
 */
export function tallyCounts(counts: StatusCounts): Tally {
  const points = counts.met * STATUS_POINTS.met + counts.partial * STATUS_POINTS.partial;
  const maxPoints = 2 * (counts.met + counts.partial + counts.failing + counts.missing + counts.stale);
  const score = maxPoints === 0 ? null : Math.round((1000 * points) / maxPoints) / 10;
  return { counts: { ...counts }, points, maxPoints, score };
}
