import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { createLogProofs, type LogProof } from "./create-log-proofs.ts";
import { getLogCheckpoint } from "./get-log-checkpoint.ts";
import { inclusionQuery } from "./log-query.ts";
import type { LogCheckpointView } from "./write-log-checkpoint.ts";

/**
 * An RFC 6962 inclusion proof of one evidence item or audit entry of the organization against a signed
 * checkpoint (the latest, or the one of the given size), with that checkpoint: everything a verifier
 * needs. A row of another organization, or one logged after the checkpoint, is not found.
 */
export async function getInclusionProof(
  prisma: PrismaClient,
  ctx: OrgContext,
  query: unknown,
): Promise<{ checkpoint: LogCheckpointView; proof: LogProof }> {
  const q = parseInput(inclusionQuery, query, "inclusion proof query");
  const checkpoint = await getLogCheckpoint(prisma, ctx, q.treeSize);
  const [proof] = await createLogProofs(
    prisma,
    ctx.org.id,
    { evidenceIds: q.evidenceId ? [q.evidenceId] : [], auditIds: q.entryId ? [BigInt(q.entryId)] : [] },
    BigInt(checkpoint.treeSize),
  );
  if (!proof) {
    throw new AppError(
      "not_found",
      `No such ${q.evidenceId ? "evidence" : "audit entry"} in this organization's log at size ${checkpoint.treeSize}.`,
    );
  }
  return { checkpoint, proof };
}
