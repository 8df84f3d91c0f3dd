import type { ReadinessResult, Stage } from "./scoring-types.ts";

/** The small part of a snapshot that trend lines read. */
export interface ReadinessSummary {
  score: number | null;
  frameworks: Record<string, number | null>;
  systems: Record<string, number | null>;
  pillars: Record<string, Stage>;
  counts: ReadinessResult["tally"]["counts"];
}

/** Pure: the scores of a result per framework, system and pillar, for trends. */
export function summarizeReadiness(result: ReadinessResult): ReadinessSummary {
  return {
    score: result.tally.score,
    frameworks: Object.fromEntries(Object.entries(result.frameworks).map(([id, t]) => [id, t.score])),
    systems: Object.fromEntries(result.systems.map((s) => [s.systemId, s.tally.score])),
    pillars: Object.fromEntries(result.pillars.map((p) => [p.nodeId, p.stage])),
    counts: result.tally.counts,
  };
}
