import { countStatuses } from "./count-statuses.ts";
import { READINESS_STATUSES, type StatusCounts } from "./scoring-types.ts";

/** Adds status counts together (a roll-up over systems or groups). */
export function sumCounts(list: Iterable<StatusCounts>): StatusCounts {
  const total = countStatuses();
  for (const counts of list) for (const status of READINESS_STATUSES) total[status] += counts[status];
  return total;
}
