import { fromPrisma } from "pg-boss";
import type { Db } from "../db/db-types.ts";
import { getJobQueue } from "./get-job-queue.ts";
import type { JobName } from "./job-names.ts";

/**
 * Enqueues a job inside the caller's transaction, so the job exists if and only if the change that
 * asked for it commits. `singletonKey` coalesces: a second job with the same key is not created while
 * one is waiting. `startAfterSeconds` holds the job back that long (pg-boss `startAfter`).
 */
export async function enqueueJob(
  tx: Db,
  name: JobName,
  data: object,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<void> {
  const boss = await getJobQueue();
  const { startAfterSeconds, ...rest } = options;
  await boss.send(name, data, {
    ...rest,
    ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
    db: fromPrisma(tx),
  });
}
