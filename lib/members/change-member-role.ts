import type { OrgContext } from "../auth/actor.ts";
import type { RoleName } from "../auth/roles.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { parseInput } from "../errors/parse-input.ts";
import { changeRoleInput } from "./member-input.ts";

/**
 * Changes a member's role. The member's sessions are revoked in the same transaction, so the new
 * role applies from their next sign-in. The last admin cannot be demoted.
 */
export async function changeMemberRole(
  prisma: PrismaClient,
  ctx: OrgContext,
  membershipId: string,
  input: unknown,
): Promise<{ id: string; role: RoleName }> {
  const { role } = parseInput(changeRoleInput, input, "role change");
  return prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: requireUuid(membershipId, "member"), orgId: ctx.org.id },
    });
    if (!member) throw new AppError("not_found", "No such member in this organization.");
    if (member.role === role) return { id: member.id, role };
    if (member.role === "admin") {
      const admins = await tx.membership.count({ where: { orgId: ctx.org.id, role: "admin" } });
      if (admins <= 1)
        throw new AppError("conflict", "An organization needs at least one admin.", [
          { field: "role", message: "last admin" },
        ]);
    }
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    await tx.session.deleteMany({ where: { userId: member.userId } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "member.role_change",
      targetType: "membership",
      targetId: member.id,
      data: { from: member.role, to: role },
    });
    return { id: member.id, role };
  });
}
