import { z } from "zod";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { AssayConfig } from "../config/config-schema.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { passwordField } from "../members/member-input.ts";
import type { UserActor } from "./actor.ts";
import { createSession, type NewSession } from "./create-session.ts";
import { hashPassword } from "./hash-password.ts";
import { verifyPassword } from "./verify-password.ts";

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "is required").max(1024, "is too long"),
  newPassword: passwordField,
});

/**
 * Changes a signed-in person's own password after checking the current one. In the same
 * transaction every session of that person is deleted (all devices, including the one asking) and
 * one new session is opened for the caller, so a stolen session does not outlive the password.
 */
export async function changePassword(
  prisma: PrismaClient,
  user: UserActor,
  input: unknown,
  config: Pick<AssayConfig, "ASSAY_SESSION_MAX_HOURS">,
  now: Date = new Date(),
): Promise<NewSession & { revokedSessions: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordInput, input, "password change");
  const row = await prisma.user.findUnique({ where: { id: user.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(row?.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong.", [
      { field: "currentPassword", message: "is not your current password" },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.userId }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.userId } });
    const session = await createSession(tx, user.userId, config, now);
    await recordAuditEntry(tx, {
      orgId: null,
      actor: user,
      action: "auth.password_change",
      targetType: "user",
      targetId: user.userId,
      data: { revokedSessions: count },
    });
    return { ...session, revokedSessions: count };
  });
}
