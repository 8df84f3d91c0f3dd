import type { Db } from "../db/db-types.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import { JOBS } from "../jobs/job-names.ts";

/** What asks for a recomputation (kept on the snapshot). */
export type RecomputeTrigger = "evidence" | "waiver" | "catalog" | "system" | "link" | "schedule" | "manual";

/**
 * How long a recomputation asked for by new evidence waits before it runs, so that a stream of
 * evidence is scored once per few seconds rather than once per piece: a full recomputation is CPU work
 * in the worker's thread and, run back to back, starved the mapping of the evidence itself (measured in
 * the fault run: mapping fell from about 90 to 8 evidence/s). Other triggers (waivers, links, systems,
 * the catalog) run at once.
 */
export const EVIDENCE_SETTLE_SECONDS = 5;

/**
 * Asks the worker to recompute an organization's readiness, inside the caller's transaction. Requests
 * coalesce per organization: while one is waiting, more requests add nothing (pg-boss `stately`
 * queue keyed by organization), and the waiting one reads everything committed by the time it runs
 * (so a waiver asked for while an evidence recomputation waits shows within its settle time).
 */
export async function requestReadinessRecompute(db: Db, orgId: string, trigger: RecomputeTrigger): Promise<void> {
  await enqueueJob(
    db,
    JOBS.recomputeReadiness,
    { orgId, trigger },
    { singletonKey: orgId, startAfterSeconds: trigger === "evidence" ? EVIDENCE_SETTLE_SECONDS : 0 },
  );
}
