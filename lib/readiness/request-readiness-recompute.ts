import type { Db } from "../db/db-types.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import { JOBS } from "../jobs/job-names.ts";

/** What asks for a recomputation (kept on the snapshot). */
export type RecomputeTrigger = "evidence" | "waiver" | "catalog" | "system" | "link" | "schedule" | "manual";

/**
 * Asks the worker to recompute an organization's readiness, inside the caller's transaction. Requests
 * coalesce per organization: while one is waiting, more requests add nothing (pg-boss `stately`
 * queue keyed by organization), and the waiting one reads everything committed by the time it runs.
 */
export async function requestReadinessRecompute(db: Db, orgId: string, trigger: RecomputeTrigger): Promise<void> {
  await enqueueJob(db, JOBS.recomputeReadiness, { orgId, trigger }, { singletonKey: orgId });
}
