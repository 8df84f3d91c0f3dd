import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { getLogKey } from "./get-log-key.ts";
import { toLogCheckpointView } from "./to-log-checkpoint-view.ts";
import type { LogCheckpointView } from "./write-log-checkpoint.ts";

/**
 * The organization's latest signed checkpoint (or the one of exactly `treeSize`), with the public key
 * that verifies it. No checkpoint yet (a new organization, before the worker's first run) is not found.
 */
export async function getLogCheckpoint(
  prisma: PrismaClient,
  ctx: OrgContext,
  treeSize?: bigint,
): Promise<LogCheckpointView> {
  const row = await prisma.logCheckpoint.findFirst({
    where: { orgId: ctx.org.id, ...(treeSize === undefined ? {} : { treeSize }) },
    orderBy: [{ treeSize: "desc" }, { createdAt: "desc" }],
  });
  if (!row) {
    throw new AppError(
      "not_found",
      treeSize === undefined
        ? "No signed checkpoint yet: the worker signs one within ten minutes."
        : `No signed checkpoint at size ${treeSize.toString()}.`,
    );
  }
  return toLogCheckpointView(row, (await getLogKey(prisma, ctx.org.id)).publicKeyPem);
}
