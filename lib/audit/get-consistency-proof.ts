import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { getLogCheckpoint } from "./get-log-checkpoint.ts";
import { consistencyQuery } from "./log-query.ts";
import { createConsistencyProof } from "./merkle/create-consistency-proof.ts";
import { readLogLeafHashes } from "./read-log-leaf-hashes.ts";
import type { LogCheckpointView } from "./write-log-checkpoint.ts";

/**
 * An RFC 6962 consistency proof that the organization's log at size `from` is a prefix of the log at the
 * signed checkpoint `to` (default: the latest): a verifier holding an older checkpoint checks that
 * nothing it saw was rewritten.
 */
export async function getConsistencyProof(
  prisma: PrismaClient,
  ctx: OrgContext,
  query: unknown,
): Promise<{ from: string; checkpoint: LogCheckpointView; proof: string[] }> {
  const q = parseInput(consistencyQuery, query, "consistency proof query");
  const checkpoint = await getLogCheckpoint(prisma, ctx, q.to);
  const to = BigInt(checkpoint.treeSize);
  if (q.from < 1n || q.from > to) {
    throw new AppError(
      "validation_failed",
      `Invalid consistency proof query: from must be between 1 and ${to.toString()}.`,
      [{ field: "from", message: `must be between 1 and ${to.toString()}` }],
    );
  }
  const { hashes, gapAt } = await readLogLeafHashes(prisma, ctx.org.id, to);
  if (gapAt !== null) throw new AppError("internal", "The log has a gap: run assay audit verify.");
  return {
    from: q.from.toString(),
    checkpoint,
    proof: createConsistencyProof(hashes, Number(q.from), Number(to)).map((h) => h.toString("hex")),
  };
}
