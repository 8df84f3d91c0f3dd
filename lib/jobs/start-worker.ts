import { writeLogCheckpoint } from "../audit/write-log-checkpoint.ts";
import { getDatabase } from "../db/get-database.ts";
import { materializeEvidence } from "../ingest/materialize-evidence.ts";
import { getLogger } from "../log/get-logger.ts";
import { recomputeReadiness } from "../readiness/recompute-readiness.ts";
import { generateReport } from "../reports/generate-report.ts";
import { requestRecomputeEverywhere } from "../readiness/request-recompute-everywhere.ts";
import { getJobQueue } from "./get-job-queue.ts";
import { type GenerateReportJob, JOBS, type MapEvidenceJob, type RecomputeReadinessJob } from "./job-names.ts";

/**
 * Starts the background workers on this process's job queue:
 * - `evidence.map` writes findings and rule links for new evidence (and asks for a recomputation);
 * - `readiness.recompute` scores an organization and stores a snapshot when its posture changed;
 * - `report.generate` builds, renders and signs one requested report (progress on its row);
 * - `audit.checkpoint`, every ten minutes and once at start, signs a checkpoint of each organization's
 *   tamper-evident log that grew since its last one;
 * - `readiness.recompute-all`, hourly and once at start (the catalog may have changed with the
 *   deployment), asks for every organization's recomputation, so expiring evidence and waivers and
 *   newly applicable obligations show up without new input.
 * `assay start` runs it in the web process (ASSAY_WORKER=inline, the default and the only choice on
 * the embedded database); `assay worker` runs it alone beside web processes that set ASSAY_WORKER=off.
 */
export async function startWorker(): Promise<void> {
  const boss = await getJobQueue();
  const { prisma } = await getDatabase();
  const log = getLogger();
  // burstWhenBatchFull: while batches come back full, fetch the next at once instead of after the
  // poll interval (which alone capped mapping at 20 per 0.5 s = 40 evidence/s; measured in the fault run).
  const mapping = { batchSize: 20, pollingIntervalSeconds: 0.5, burstWhenBatchFull: true };
  await boss.work<MapEvidenceJob>(JOBS.mapEvidence, mapping, async (jobs) => {
    for (const job of jobs) {
      const done = await materializeEvidence(prisma, job.data.evidenceId);
      log.debug({ evidenceId: job.data.evidenceId, ...done }, "evidence mapped");
    }
  });
  await boss.work<RecomputeReadinessJob>(JOBS.recomputeReadiness, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const done = await recomputeReadiness(prisma, job.data.orgId, job.data.trigger);
    log.info({ orgId: job.data.orgId, trigger: job.data.trigger, ...done }, "readiness recomputed");
  });
  await boss.work<GenerateReportJob>(JOBS.generateReport, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    const done = await generateReport(prisma, job.data.reportId);
    log.info({ reportId: job.data.reportId, ...done }, "report generated");
  });
  await boss.work(JOBS.recomputeAll, { pollingIntervalSeconds: 5 }, async () => {
    await requestRecomputeEverywhere(prisma, "schedule");
  });
  await boss.work(JOBS.checkpointLogs, { pollingIntervalSeconds: 5 }, async () => {
    const orgs = await prisma.logHead.findMany({ select: { orgId: true } });
    for (const { orgId } of orgs) await writeLogCheckpoint(prisma, orgId);
  });
  await boss.schedule(JOBS.recomputeAll, "7 * * * *");
  await boss.schedule(JOBS.checkpointLogs, "*/10 * * * *");
  await boss.send(JOBS.checkpointLogs, {});
  await boss.send(JOBS.recomputeAll, {});
}
