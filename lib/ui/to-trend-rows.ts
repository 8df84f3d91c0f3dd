import type { TrendPoint } from "../readiness/list-readiness-trend.ts";

/** One day of the readiness trend: the organization's score and each framework's. */
export interface TrendRow {
  day: string;
  score: number | null;
  frameworks: Record<string, number | null>;
}

/**
 * Pure: trend lines from stored snapshots (oldest first): the last snapshot of each UTC day, none after
 * `until` (readiness by an earlier date shows the trend up to that date).
 */
export function toTrendRows(points: readonly TrendPoint[], until?: Date): TrendRow[] {
  const byDay = new Map<string, TrendRow>();
  for (const p of points) {
    if (until && new Date(p.asOf).getTime() > until.getTime()) continue;
    const day = p.asOf.slice(0, 10);
    byDay.set(day, { day, score: p.summary.score, frameworks: { ...p.summary.frameworks } });
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
