import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { listEvidenceLinks, type EvidenceLink } from "./list-evidence-links.ts";

export const unlinkEvidenceInput = z.strictObject({
  reason: z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
});

/**
 * Unlinks evidence from a requirement: the link row stays, with who removed it and when, and the
 * reason goes into the `evidence.unlink` audit entry (same transaction). Works for links made by an
 * evidence rule too (the worker never re-creates them). Unlinking an unlinked link changes nothing.
 */
export async function unlinkEvidence(
  prisma: PrismaClient,
  ctx: OrgContext,
  evidenceId: string,
  linkId: string,
  input: unknown,
): Promise<EvidenceLink> {
  const { reason } = parseInput(unlinkEvidenceInput, input, "unlink");
  const id = requireUuid(evidenceId, "evidence");
  const lid = requireUuid(linkId, "link");
  await getJobQueue();
  return prisma.$transaction(async (tx) => {
    const link = await tx.controlLink.findFirst({ where: { id: lid, evidenceId: id, orgId: ctx.org.id } });
    if (!link) throw new AppError("not_found", "No such link on this evidence in this organization.");
    if (!link.removedAt) {
      await tx.controlLink.updateMany({
        where: { id: link.id, orgId: ctx.org.id, removedAt: null },
        data: { removedAt: new Date(), removedById: ctx.actor.kind === "user" ? ctx.actor.userId : null },
      });
      await requestReadinessRecompute(tx, ctx.org.id, "link");
      await recordAuditEntry(tx, {
        orgId: ctx.org.id,
        actor: ctx.actor,
        action: "evidence.unlink",
        targetType: "control_link",
        targetId: link.id,
        data: { evidenceId: id, requirementId: link.requirementId, ruleId: link.ruleId, reason },
      });
    }
    const links = await listEvidenceLinks(tx, ctx.org.id, id);
    const updated = links.find((l) => l.id === link.id);
    if (!updated) throw new AppError("internal", "The link could not be read back.");
    return updated;
  });
}
