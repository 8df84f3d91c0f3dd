import type { ReadinessResult, ReadinessStatus } from "../scoring/scoring-types.ts";
import type { ReadinessNode } from "./list-readiness-nodes.ts";

export interface RequirementResultFilters {
  /** Absent or empty: every status except not-applicable. */
  statuses?: readonly ReadinessStatus[] | undefined;
  systemId?: string | undefined;
  /** A node id: requirements under it at any depth (pillar, function, chapter, article), or that requirement. */
  groupId?: string | undefined;
  frameworkId?: string | undefined;
}

/** One (system, requirement) pair of a readiness result, named for a list. */
export interface RequirementResultRow {
  systemId: string;
  systemName: string;
  requirementId: string;
  frameworkId: string;
  ref: string;
  title: string;
  status: ReadinessStatus;
  summary: string;
}

function isUnder(nodes: ReadonlyMap<string, ReadinessNode>, id: string, groupId: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at); at = nodes.get(at)?.parentId ?? null) {
    if (at === groupId) return true;
    seen.add(at);
  }
  return false;
}

/**
 * Pure: the (system, requirement) pairs of a readiness result that match the filters, by system and
 * then in catalog order. `nodes` (the catalog tree) is only read to find what lies under a group.
 */
export function filterRequirementResults(
  result: ReadinessResult,
  nodes: ReadonlyMap<string, ReadinessNode>,
  filters: RequirementResultFilters,
): RequirementResultRow[] {
  const statuses = new Set(filters.statuses?.length ? filters.statuses : null);
  const wanted = (s: ReadinessStatus) => (statuses.size > 0 ? statuses.has(s) : s !== "not-applicable");
  const under = new Map<string, boolean>();
  const inGroup = (id: string, groupId: string) => {
    const known = under.get(id);
    if (known !== undefined) return known;
    const answer = isUnder(nodes, id, groupId);
    under.set(id, answer);
    return answer;
  };
  const rows: RequirementResultRow[] = [];
  for (const system of result.systems) {
    if (filters.systemId && system.systemId !== filters.systemId) continue;
    for (const r of system.requirements) {
      if (!wanted(r.status)) continue;
      if (filters.frameworkId && r.frameworkId !== filters.frameworkId) continue;
      if (filters.groupId && !inGroup(r.requirementId, filters.groupId)) continue;
      rows.push({
        systemId: system.systemId,
        systemName: system.name,
        requirementId: r.requirementId,
        frameworkId: r.frameworkId,
        ref: r.ref,
        title: r.title,
        status: r.status,
        summary: r.summary,
      });
    }
  }
  return rows;
}
