import { fromPrisma } from "pg-boss";
import type { Db } from "../db/db-types.ts";
import { getJobQueue } from "./get-job-queue.ts";
import type { JobName } from "./job-names.ts";

/**
 * Enqueues many jobs of one queue in one statement inside the caller's transaction (pg-boss
 * `insert`), so they exist if and only if the change that asked for them commits. The queue's
 * options (retries, heartbeat, expiry) apply to each.
 */
export async function enqueueJobs(tx: Db, name: JobName, data: readonly object[]): Promise<void> {
  if (data.length === 0) return;
  const boss = await getJobQueue();
  await boss.insert(
    name,
    data.map((d) => ({ data: d })),
    { db: fromPrisma(tx) },
  );
}
