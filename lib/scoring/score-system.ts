import { assessRequirement } from "./assess-requirement.ts";
import type { ScoringIndex } from "./build-scoring-index.ts";
import { countStatuses } from "./count-statuses.ts";
import { decideFunctionStage } from "./decide-function-stage.ts";
import { lowestStage } from "./lowest-stage.ts";
import type {
  DeadlineGroup,
  FunctionStage,
  GroupScore,
  PillarStage,
  ReadinessStatus,
  RequirementResult,
  ScoringSystem,
  SystemReadiness,
  Waiver,
} from "./scoring-types.ts";
import { tallyCounts } from "./tally-counts.ts";

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k) ?? [];
    bucket.push(item);
    map.set(k, bucket);
  }
  return map;
}

function scoreGroups(index: ScoringIndex, results: readonly RequirementResult[]): GroupScore[] {
  const statuses = new Map<string, ReadinessStatus[]>();
  for (const r of results) {
    for (const g of index.ancestors.get(r.requirementId) ?? []) {
      const list = statuses.get(g) ?? [];
      list.push(r.status);
      statuses.set(g, list);
    }
  }
  const groups: GroupScore[] = [];
  for (const [nodeId, list] of statuses) {
    const node = index.nodes.get(nodeId);
    if (!node) continue;
    groups.push({
      nodeId,
      frameworkId: node.frameworkId,
      ref: node.ref,
      title: node.title,
      tally: tallyCounts(countStatuses(list)),
    });
  }
  return groups;
}

function scorePillars(
  index: ScoringIndex,
  byId: Map<string, RequirementResult>,
  groups: readonly GroupScore[],
): PillarStage[] {
  const functions: FunctionStage[] = [];
  for (const [fnId, controls] of index.functions) {
    const fn = index.nodes.get(fnId);
    if (!fn?.parentId) continue;
    const staged = controls.flatMap((c) => {
      const r = byId.get(c.id);
      return r && c.stage ? [{ id: c.id, stage: c.stage, status: r.status }] : [];
    });
    functions.push({ nodeId: fnId, pillarId: fn.parentId, ...decideFunctionStage(staged) });
  }
  const tallies = new Map(groups.map((g) => [g.nodeId, g.tally]));
  return [...groupBy(functions, (f) => f.pillarId)].flatMap(([pillarId, fns]) => {
    const pillar = index.nodes.get(pillarId);
    const tally = tallies.get(pillarId);
    if (!pillar || !tally) return [];
    return [
      {
        nodeId: pillarId,
        ref: pillar.ref,
        title: pillar.title,
        stage: lowestStage(fns.map((f) => f.stage)),
        functions: fns,
        tally,
      },
    ];
  });
}

function listDeadlines(results: readonly RequirementResult[]): DeadlineGroup[] {
  const upcoming = results.filter((r) => r.applicability.status === "upcoming" && r.applicability.effectiveFrom);
  return [...groupBy(upcoming, (r) => r.applicability.effectiveFrom ?? "")]
    .map(([date, list]) => ({
      date,
      basis: "amended" as const,
      originalDates: [
        ...new Set(list.flatMap((r) => (r.applicability.originalDate ? [r.applicability.originalDate] : []))),
      ].sort(),
      daysLeft: list[0]?.applicability.daysLeft ?? 0,
      requirementIds: list.map((r) => r.requirementId),
      tally: tallyCounts(countStatuses(list.map((r) => (r.waiver ? "waived" : r.evidenceStatus)))),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Pure: one system's readiness: every requirement's explained status and the roll-ups over them. */
export function scoreSystem(
  index: ScoringIndex,
  system: ScoringSystem,
  waivers: readonly Waiver[],
  asOf: Date,
): SystemReadiness {
  const requirements = index.requirements.map((node) => {
    const items = (index.itemsByRequirement.get(node.id) ?? []).filter(
      (i) => i.systemId === null || i.systemId === system.id,
    );
    return assessRequirement(
      node,
      system.id,
      system.applicability.get(node.id),
      index.rulesByRequirement.get(node.id) ?? [],
      items,
      waivers,
      asOf,
    );
  });
  const byId = new Map(requirements.map((r) => [r.requirementId, r]));
  const groups = scoreGroups(index, requirements);
  const frameworks: SystemReadiness["frameworks"] = {};
  for (const [fw, list] of groupBy(requirements, (r) => index.nodes.get(r.requirementId)?.frameworkId ?? "")) {
    frameworks[fw] = tallyCounts(countStatuses(list.map((r) => r.status)));
  }
  return {
    systemId: system.id,
    name: system.name,
    tally: tallyCounts(countStatuses(requirements.map((r) => r.status))),
    frameworks,
    groups,
    requirements,
    pillars: scorePillars(index, byId, groups),
    deadlines: listDeadlines(requirements),
  };
}
