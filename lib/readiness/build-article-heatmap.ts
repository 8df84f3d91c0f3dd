import {
  READINESS_STATUSES,
  type ReadinessResult,
  type ReadinessStatus,
  type StatusCounts,
} from "../scoring/scoring-types.ts";
import type { ReadinessNode } from "./list-readiness-nodes.ts";
import { worstStatus } from "./worst-status.ts";

export interface HeatmapCell {
  articleId: string;
  /** The worst status among the article's applicable requirements; not-applicable when none applies. */
  status: ReadinessStatus;
  counts: StatusCounts;
  /** How many of its requirements apply to the system (every status but not-applicable). */
  applicable: number;
}

export interface ArticleHeatmap {
  /** Articles (groups holding requirements) that apply to at least one system, in catalog order. */
  articles: { id: string; ref: string; title: string }[];
  rows: { systemId: string; name: string; cells: HeatmapCell[] }[];
  /** Articles left out because they apply to no system. */
  hidden: number;
}

const NONE: StatusCounts = Object.fromEntries(READINESS_STATUSES.map((s) => [s, 0])) as StatusCounts;

/**
 * Pure: systems x articles of a framework (the groups that are the parents of its requirements), each
 * cell the worst status among the article's applicable requirements for that system.
 */
export function buildArticleHeatmap(
  result: ReadinessResult,
  nodes: readonly ReadinessNode[],
  frameworkId = "eu-ai-act",
): ArticleHeatmap {
  const parents = new Set(
    nodes.flatMap((n) => (n.kind === "requirement" && n.frameworkId === frameworkId && n.parentId ? [n.parentId] : [])),
  );
  const candidates = nodes.filter((n) => n.kind === "group" && n.frameworkId === frameworkId && parents.has(n.id));
  const rows = result.systems.map((s) => {
    const tallies = new Map(s.groups.map((g) => [g.nodeId, g.tally.counts]));
    return {
      systemId: s.systemId,
      name: s.name,
      cells: candidates.map((a): HeatmapCell => {
        const counts = tallies.get(a.id) ?? NONE;
        const total = READINESS_STATUSES.reduce((sum, status) => sum + counts[status], 0);
        return { articleId: a.id, status: worstStatus(counts), counts, applicable: total - counts["not-applicable"] };
      }),
    };
  });
  const keep = candidates.map((_, i) => rows.some((r) => (r.cells[i]?.applicable ?? 0) > 0));
  return {
    articles: candidates.filter((_, i) => keep[i]).map((a) => ({ id: a.id, ref: a.ref, title: a.title })),
    rows: rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => keep[i]) })),
    hidden: keep.filter((k) => !k).length,
  };
}
