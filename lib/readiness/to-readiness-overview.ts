import type { ReadinessResult, Stage, Tally } from "../scoring/scoring-types.ts";

/** The numbers the dashboard shows, as the API and `assay score --json` print them. */
export interface ReadinessOverview {
  asOf: string;
  score: number | null;
  tally: Tally;
  frameworks: Record<string, Tally>;
  systems: { id: string; name: string; score: number | null; tally: Tally; frameworks: Record<string, Tally> }[];
  pillars: { id: string; ref: string; title: string; stage: Stage; score: number | null }[];
  deadlines: {
    systemId: string;
    date: string;
    originalDates: string[];
    daysLeft: number;
    obligations: number;
    met: number;
    score: number | null;
  }[];
  gaps: { requirementId: string; ref: string; title: string; gain: number; systems: number }[];
}

/** Pure: the overview of a readiness result (no explanations; those are in the full result). */
export function toReadinessOverview(result: ReadinessResult): ReadinessOverview {
  return {
    asOf: result.asOf,
    score: result.tally.score,
    tally: result.tally,
    frameworks: result.frameworks,
    systems: result.systems.map((s) => ({
      id: s.systemId,
      name: s.name,
      score: s.tally.score,
      tally: s.tally,
      frameworks: s.frameworks,
    })),
    pillars: result.pillars.map((p) => ({
      id: p.nodeId,
      ref: p.ref,
      title: p.title,
      stage: p.stage,
      score: p.tally.score,
    })),
    deadlines: result.systems.flatMap((s) =>
      s.deadlines.map((d) => ({
        systemId: s.systemId,
        date: d.date,
        originalDates: d.originalDates,
        daysLeft: d.daysLeft,
        obligations: d.requirementIds.length,
        met: d.tally.counts.met,
        score: d.tally.score,
      })),
    ),
    gaps: result.gaps.slice(0, 10).map((g) => ({
      requirementId: g.requirementId,
      ref: g.ref,
      title: g.title,
      gain: g.gain,
      systems: g.systems.length,
    })),
  };
}
