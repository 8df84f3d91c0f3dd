import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import { revokeWaiverInput } from "./waiver-input.ts";

/** Ends an active waiver early, keeping the row; `waiver.revoke` audit entry and recomputation in one transaction. */
export async function revokeWaiver(
  prisma: PrismaClient,
  ctx: OrgContext,
  waiverId: string,
  input: unknown,
): Promise<void> {
  const { reason } = parseInput(revokeWaiverInput, input, "revocation");
  const id = requireUuid(waiverId, "waiver");
  await getJobQueue();
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.waiver.updateMany({
      where: { id, orgId: ctx.org.id, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now, revokedById: ctx.actor.kind === "user" ? ctx.actor.userId : null },
    });
    if (updated.count === 0) {
      const exists = await tx.waiver.findFirst({ where: { id, orgId: ctx.org.id }, select: { id: true } });
      if (!exists) throw new AppError("not_found", "No such waiver in this organization.");
      throw new AppError("conflict", "This waiver has already ended (expired or revoked).");
    }
    await requestReadinessRecompute(tx, ctx.org.id, "waiver");
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "waiver.revoke",
      targetType: "waiver",
      targetId: id,
      data: { reason },
    });
  });
}
