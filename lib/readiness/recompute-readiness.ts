import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../db/db-types.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import { summarizeReadiness } from "../scoring/summarize-readiness.ts";
import { loadScoringInput } from "./load-scoring-input.ts";

/** A snapshot is stored when the posture changed, or at least this often (for trend lines). */
const KEEP_EVERY_MS = 24 * 3_600_000;

/**
 * The `readiness.recompute` job: scores the organization now and stores a snapshot when the result
 * (apart from its time) differs from the latest one or the latest is a day old. Returns the snapshot
 * id, new or unchanged. `at`: score as of that time instead of now.
 */
export async function recomputeReadiness(
  prisma: PrismaClient,
  orgId: string,
  trigger: string,
  at?: Date,
): Promise<{ snapshotId: string; stored: boolean; score: number | null }> {
  // Scored now: only the evidence that can still decide is read (a given time may be in the past).
  const now = at ?? new Date();
  const result = scoreReadiness(await loadScoringInput(prisma, orgId, now, { current: at === undefined }));
  const json = JSON.stringify({ ...result, asOf: undefined });
  const digest = createHash("sha256").update(json).digest("hex");
  const latest = await prisma.readinessSnapshot.findFirst({
    where: { orgId },
    orderBy: { asOf: "desc" },
    select: { id: true, digest: true, asOf: true },
  });
  if (latest && latest.digest === digest && now.getTime() - latest.asOf.getTime() < KEEP_EVERY_MS) {
    return { snapshotId: latest.id, stored: false, score: result.tally.score };
  }
  const snapshot = await prisma.readinessSnapshot.create({
    data: {
      orgId,
      asOf: now,
      trigger,
      score: result.tally.score,
      digest,
      summary: summarizeReadiness(result) as unknown as Prisma.InputJsonValue,
      result: result as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { snapshotId: snapshot.id, stored: true, score: result.tally.score };
}
