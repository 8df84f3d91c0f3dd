import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";

/**
 * Signs a member out everywhere: deletes every session of the member's user account (sessions
 * belong to the person, not to one organization), effective on their very next request. The member
 * is looked up inside this organization, so another organization's member answers 404. API tokens
 * are not sessions and stay as they are (revoke them separately).
 */
export async function revokeMemberSessions(
  prisma: PrismaClient,
  ctx: OrgContext,
  membershipId: string,
): Promise<{ revoked: number }> {
  return prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: requireUuid(membershipId, "member"), orgId: ctx.org.id },
    });
    if (!member) throw new AppError("not_found", "No such member in this organization.");
    const { count } = await tx.session.deleteMany({ where: { userId: member.userId } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "member.sessions_revoke",
      targetType: "membership",
      targetId: member.id,
      data: { userId: member.userId, revoked: count },
    });
    return { revoked: count };
  });
}
