import { READINESS_STATUSES, type ReadinessStatus, type StatusCounts } from "./scoring-types.ts";

/** Counts statuses (every status present, zero when absent); several lists are summed. */
export function countStatuses(...lists: Iterable<ReadinessStatus>[]): StatusCounts {
  const counts = Object.fromEntries(READINESS_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const list of lists) for (const status of list) counts[status] += 1;
  return counts;
}
