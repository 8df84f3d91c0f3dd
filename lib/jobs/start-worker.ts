import { getDatabase } from "../db/get-database.ts";
import { materializeEvidence } from "../ingest/materialize-evidence.ts";
import { getLogger } from "../log/get-logger.ts";
import { getJobQueue } from "./get-job-queue.ts";
import { JOBS, type MapEvidenceJob } from "./job-names.ts";

/**
 * Starts the background workers on this process's job queue: `evidence.map` writes findings and rule
 * links for new evidence. `assay start` runs it in the web process (ASSAY_WORKER=inline, the default
 * and the only choice on the embedded database); `assay worker` runs it alone beside web processes
 * that set ASSAY_WORKER=off.
 */
export async function startWorker(): Promise<void> {
  const boss = await getJobQueue();
  const { prisma } = await getDatabase();
  await boss.work<MapEvidenceJob>(JOBS.mapEvidence, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      const done = await materializeEvidence(prisma, job.data.evidenceId);
      getLogger().debug({ evidenceId: job.data.evidenceId, ...done }, "evidence mapped");
    }
  });
}
