import type { RequirementResultFilters } from "../readiness/filter-requirement-results.ts";
import { READINESS_STATUSES, type ReadinessStatus } from "../scoring/scoring-types.ts";

export interface ReadinessListQuery {
  filters: RequirementResultFilters;
  /** The raw `asOf` (checked separately, see readAsOfParam). */
  asOf: string | undefined;
  /** Values that could not be used, in words; those filters are ignored. */
  errors: string[];
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * Pure: the drill-down list's filters from a page's search params: `status` (a comma list of
 * statuses, or the parameter repeated), `system` (an AI system id), `group` (a catalog node id), `framework` and `asOf`.
 * Unknown statuses are reported and dropped.
 */
export function readReadinessListQuery(params: Record<string, string | string[] | undefined>): ReadinessListQuery {
  const errors: string[] = [];
  const statuses: ReadinessStatus[] = [];
  const raw = params.status;
  // A comma list (`status=failing,missing`), or repeated parameters as the filter form's checkboxes send.
  for (const part of (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",")) {
    const s = part.trim();
    if (!s) continue;
    if ((READINESS_STATUSES as readonly string[]).includes(s)) {
      if (!statuses.includes(s as ReadinessStatus)) statuses.push(s as ReadinessStatus);
    } else {
      errors.push(`Status "${s}" is not one of ${READINESS_STATUSES.join(", ")}.`);
    }
  }
  return {
    filters: {
      statuses: statuses.length > 0 ? statuses : undefined,
      systemId: first(params.system),
      groupId: first(params.group),
      frameworkId: first(params.framework),
    },
    asOf: first(params.asOf),
    errors,
  };
}
