import type { PrismaClient } from "../db/db-types.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "./request-readiness-recompute.ts";
import type { RecomputeTrigger } from "./request-readiness-recompute.ts";

/** Asks for every organization's recomputation (after a catalog change); returns how many were asked. */
export async function requestRecomputeEverywhere(prisma: PrismaClient, trigger: RecomputeTrigger): Promise<number> {
  await getJobQueue();
  const orgs = await prisma.organization.findMany({ select: { id: true } });
  for (const org of orgs) await requestReadinessRecompute(prisma, org.id, trigger);
  return orgs.length;
}
