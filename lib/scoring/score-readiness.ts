import { buildScoringIndex } from "./build-scoring-index.ts";
import { lowestStage } from "./lowest-stage.ts";
import type {
  FunctionStage,
  Gap,
  GroupScore,
  PillarStage,
  ReadinessResult,
  ScoringInput,
  StatusCounts,
  SystemReadiness,
} from "./scoring-types.ts";
import { STATUS_POINTS, tallyCounts } from "./tally-counts.ts";
import { scoreSystem } from "./score-system.ts";
import { sumCounts } from "./sum-counts.ts";

/** At most this many gaps are kept, largest gain first. */
const MAX_GAPS = 50;

function sumByKey<T>(
  items: readonly T[],
  key: (t: T) => string,
  counts: (t: T) => StatusCounts,
): Map<string, { first: T; counts: StatusCounts }> {
  const map = new Map<string, { first: T; counts: StatusCounts }>();
  for (const item of items) {
    const k = key(item);
    const entry = map.get(k);
    map.set(k, {
      first: entry?.first ?? item,
      counts: sumCounts(entry ? [entry.counts, counts(item)] : [counts(item)]),
    });
  }
  return map;
}

function orgGroups(systems: readonly SystemReadiness[]): GroupScore[] {
  const summed = sumByKey(
    systems.flatMap((s) => s.groups),
    (g) => g.nodeId,
    (g) => g.tally.counts,
  );
  return [...summed.values()].map(({ first, counts }) => ({ ...first, tally: tallyCounts(counts) }));
}

function orgPillars(systems: readonly SystemReadiness[]): PillarStage[] {
  const all = systems.flatMap((s) => s.pillars);
  const summed = sumByKey(
    all,
    (p) => p.nodeId,
    (p) => p.tally.counts,
  );
  return [...summed.values()].map(({ first, counts }) => {
    const fns = new Map<string, FunctionStage[]>();
    for (const p of all.filter((x) => x.nodeId === first.nodeId)) {
      for (const f of p.functions) fns.set(f.nodeId, [...(fns.get(f.nodeId) ?? []), f]);
    }
    // The organization is as mature as its least mature system.
    const functions = [...fns.values()].map((list) => ({
      nodeId: list[0]?.nodeId ?? "",
      pillarId: first.nodeId,
      stage: lowestStage(list.map((f) => f.stage)),
      nextStageGaps: [...new Set(list.flatMap((f) => f.nextStageGaps))],
    }));
    return { ...first, stage: lowestStage(functions.map((f) => f.stage)), functions, tally: tallyCounts(counts) };
  });
}

function rankGaps(input: ScoringInput, systems: readonly SystemReadiness[], maxPoints: number): Gap[] {
  const nodes = new Map(input.nodes.map((n) => [n.id, n]));
  const gaps = new Map<string, Gap & { missingPoints: number }>();
  for (const system of systems) {
    for (const r of system.requirements) {
      if (r.status !== "failing" && r.status !== "missing" && r.status !== "stale" && r.status !== "partial") continue;
      const node = nodes.get(r.requirementId);
      if (!node) continue;
      const gap = gaps.get(r.requirementId) ?? {
        requirementId: r.requirementId,
        frameworkId: node.frameworkId,
        ref: node.ref,
        title: node.title,
        systems: [],
        gain: 0,
        missingPoints: 0,
      };
      gap.systems.push({ systemId: system.systemId, status: r.status });
      gap.missingPoints += 2 - STATUS_POINTS[r.status];
      gaps.set(r.requirementId, gap);
    }
  }
  const failingFirst = (g: Gap) => (g.systems.some((s) => s.status === "failing") ? 0 : 1);
  return [...gaps.values()]
    .map(({ missingPoints, ...gap }) => ({
      ...gap,
      gain: maxPoints === 0 ? 0 : Math.round((1000 * missingPoints) / maxPoints) / 10,
    }))
    .sort(
      (a, b) => b.gain - a.gain || failingFirst(a) - failingFirst(b) || a.requirementId.localeCompare(b.requirementId),
    )
    .slice(0, MAX_GAPS);
}

/**
 * Pure: an organization's readiness at `input.asOf`: every system scored on its own (scoreSystem), then
 * rolled up by adding status counts, so the organization's score over one system is that system's score,
 * and a framework's or group's score is over every (system, requirement) pair under it. Zero Trust
 * functions take the lowest stage any system reaches. Gaps rank failing, missing, stale and partial
 * requirements by the points the organization would gain if each were met everywhere.
 */
export function scoreReadiness(input: ScoringInput): ReadinessResult {
  const index = buildScoringIndex(input);
  const systems = input.systems.map((s) => scoreSystem(index, s, input.waivers, input.asOf));
  const tally = tallyCounts(sumCounts(systems.map((s) => s.tally.counts)));
  const frameworkIds = [...new Set(systems.flatMap((s) => Object.keys(s.frameworks)))].sort();
  const frameworks: ReadinessResult["frameworks"] = {};
  for (const fw of frameworkIds) {
    frameworks[fw] = tallyCounts(
      sumCounts(systems.flatMap((s) => (s.frameworks[fw] ? [s.frameworks[fw].counts] : []))),
    );
  }
  return {
    asOf: input.asOf.toISOString(),
    tally,
    frameworks,
    groups: orgGroups(systems),
    pillars: orgPillars(systems),
    systems,
    gaps: rankGaps(input, systems, tally.maxPoints),
  };
}
