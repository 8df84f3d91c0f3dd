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

export const linkEvidenceInput = z.strictObject({
  requirementId: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  justification: z
    .string()
    .trim()
    .min(10, "must be at least 10 characters: say why this evidence supports the requirement")
    .max(2000, "must be at most 2000 characters"),
  findingKey: z.string().min(1).max(500, "must be at most 500 characters").optional(),
});

/**
 * Links evidence (or one of its findings) to an assessable requirement by hand, with a justification
 * and an `evidence.link` audit entry in the same transaction. A hand-made link says the evidence
 * supports the requirement: its outcome is the finding's when one is named, else `pass`. The same
 * active hand-made link twice is a conflict.
 */
export async function linkEvidence(
  prisma: PrismaClient,
  ctx: OrgContext,
  evidenceId: string,
  input: unknown,
): Promise<EvidenceLink> {
  const { requirementId, justification, findingKey } = parseInput(linkEvidenceInput, input, "link");
  const id = requireUuid(evidenceId, "evidence");
  await getJobQueue();
  return prisma.$transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({ where: { id, orgId: ctx.org.id }, select: { id: true } });
    if (!evidence) throw new AppError("not_found", "No such evidence in this organization.");
    const requirement = await tx.requirement.findUnique({ where: { id: requirementId }, select: { kind: true } });
    if (!requirement || requirement.kind !== "requirement") {
      const message = requirement ? `is a ${requirement.kind}, not an assessable requirement` : "is not in the catalog";
      throw new AppError("validation_failed", `Invalid link: requirementId: ${message}`, [
        { field: "requirementId", message },
      ]);
    }
    let outcome = "pass";
    if (findingKey !== undefined) {
      const finding = await tx.finding.findFirst({
        where: { evidenceId: id, orgId: ctx.org.id, key: findingKey },
        select: { outcome: true },
      });
      if (!finding)
        throw new AppError("validation_failed", "Invalid link: findingKey: is not a finding of this evidence", [
          { field: "findingKey", message: "is not a finding of this evidence" },
        ]);
      outcome = finding.outcome;
    }
    const clash = await tx.controlLink.findFirst({
      where: { evidenceId: id, requirementId, findingKey: findingKey ?? null, ruleId: null, removedAt: null },
      select: { id: true },
    });
    if (clash) throw new AppError("conflict", `This evidence is already linked to ${requirementId} by hand.`);
    const link = await tx.controlLink.create({
      data: {
        orgId: ctx.org.id,
        evidenceId: id,
        requirementId,
        findingKey: findingKey ?? null,
        ruleId: null,
        outcome,
        justification,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      },
    });
    await requestReadinessRecompute(tx, ctx.org.id, "link");
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "evidence.link",
      targetType: "control_link",
      targetId: link.id,
      data: { evidenceId: id, requirementId, findingKey: findingKey ?? null, outcome, justification },
    });
    const links = await listEvidenceLinks(tx, ctx.org.id, id);
    const created = links.find((l) => l.id === link.id);
    if (!created) throw new AppError("internal", "The new link could not be read back.");
    return created;
  });
}
