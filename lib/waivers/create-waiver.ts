import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import { listWaivers } from "./list-waivers.ts";
import { createWaiverInput, MAX_WAIVER_DAYS } from "./waiver-input.ts";
import type { WaiverSummary } from "./waiver-summary.ts";

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", `Invalid waiver: ${field}: ${message}`, [{ field, message }]);

/**
 * Records a waiver (exception) for an assessable requirement, for one system or all, with its reason,
 * compensating control, expiry (in the future, within MAX_WAIVER_DAYS) and approver: another member
 * of the organization with the compliance or admin role. The waiver, its `waiver.create` audit entry
 * and the readiness recomputation request commit together.
 */
export async function createWaiver(
  prisma: PrismaClient,
  ctx: OrgContext,
  input: unknown,
  now: Date = new Date(),
): Promise<WaiverSummary> {
  const data = parseInput(createWaiverInput, input, "waiver");
  if (data.expiresAt.getTime() <= now.getTime()) throw invalid("expiresAt", "must be in the future");
  if (data.expiresAt.getTime() > now.getTime() + MAX_WAIVER_DAYS * 86_400_000) {
    throw invalid("expiresAt", `must be within ${MAX_WAIVER_DAYS} days: review the exception at least yearly`);
  }
  await getJobQueue();
  const id = await prisma.$transaction(async (tx) => {
    const requirement = await tx.requirement.findUnique({ where: { id: data.requirementId }, select: { kind: true } });
    if (!requirement || requirement.kind !== "requirement") {
      throw invalid(
        "requirementId",
        requirement ? `is a ${requirement.kind}, not an assessable requirement` : "is not in the catalog",
      );
    }
    if (data.systemId) {
      const system = await tx.aiSystem.findFirst({
        where: { id: data.systemId, orgId: ctx.org.id },
        select: { id: true },
      });
      if (!system) throw invalid("systemId", "is not an AI system of this organization");
    }
    const approver = await tx.membership.findFirst({
      where: { orgId: ctx.org.id, user: { email: data.approver.toLowerCase(), disabledAt: null } },
      select: { role: true, userId: true },
    });
    if (!approver || (approver.role !== "compliance" && approver.role !== "admin")) {
      throw invalid("approver", "must be a member of this organization with the compliance or admin role");
    }
    const recordedById = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    if (recordedById === approver.userId)
      throw invalid("approver", "must be another person than the one recording the waiver");
    const waiver = await tx.waiver.create({
      data: {
        orgId: ctx.org.id,
        requirementId: data.requirementId,
        systemId: data.systemId ?? null,
        reason: data.reason,
        compensatingControl: data.compensatingControl,
        recordedById,
        approverId: approver.userId,
        expiresAt: data.expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await requestReadinessRecompute(tx, ctx.org.id, "waiver");
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "waiver.create",
      targetType: "waiver",
      targetId: waiver.id,
      data: {
        requirementId: data.requirementId,
        systemId: data.systemId ?? null,
        reason: data.reason,
        compensatingControl: data.compensatingControl,
        approver: data.approver.toLowerCase(),
        expiresAt: data.expiresAt.toISOString(),
      },
    });
    return waiver.id;
  });
  const created = (await listWaivers(prisma, ctx, { requirementId: data.requirementId, now })).find((w) => w.id === id);
  if (!created) throw new AppError("internal", "The new waiver could not be read back.");
  return created;
}
