import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";

/** Removes a member from the organization (the user account stays); the last admin cannot be removed. */
export async function removeMember(prisma: PrismaClient, ctx: OrgContext, membershipId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: requireUuid(membershipId, "member"), orgId: ctx.org.id },
    });
    if (!member) throw new AppError("not_found", "No such member in this organization.");
    if (member.role === "admin") {
      const admins = await tx.membership.count({ where: { orgId: ctx.org.id, role: "admin" } });
      if (admins <= 1) throw new AppError("conflict", "An organization needs at least one admin.");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await tx.session.deleteMany({ where: { userId: member.userId } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "member.remove",
      targetType: "membership",
      targetId: member.id,
      data: { userId: member.userId, role: member.role },
    });
  });
}
