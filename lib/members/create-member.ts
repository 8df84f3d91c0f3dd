import { randomBytes } from "node:crypto";
import type { OrgContext } from "../auth/actor.ts";
import { hashPassword } from "../auth/hash-password.ts";
import type { RoleName } from "../auth/roles.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { createMemberInput } from "./member-input.ts";

export interface CreatedMember {
  membershipId: string;
  userId: string;
  email: string;
  role: RoleName;
  /** Set when a new local user was created without a password: shown once. */
  temporaryPassword?: string;
  /** False when the person already had an account (in another organization or via SSO). */
  newUser: boolean;
}

/**
 * Adds a person to the organization with a role, creating the user when the email is new. A new user
 * without a given password gets a random one, returned once. An existing member gives `conflict`.
 */
export async function createMember(prisma: PrismaClient, ctx: OrgContext, input: unknown): Promise<CreatedMember> {
  const data = parseInput(createMemberInput, input, "member");
  const generated = data.password ? undefined : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(data.password ?? generated ?? "");
  return prisma.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: data.email } });
    const newUser = !user;
    if (!user) {
      user = await tx.user.create({ data: { email: data.email, name: data.name ?? null, passwordHash } });
    } else {
      const member = await tx.membership.findUnique({
        where: { orgId_userId: { orgId: ctx.org.id, userId: user.id } },
      });
      if (member) {
        throw new AppError("conflict", `${data.email} is already a member of ${ctx.org.slug}.`, [
          { field: "email", message: "is already a member" },
        ]);
      }
    }
    const membership = await tx.membership.create({ data: { orgId: ctx.org.id, userId: user.id, role: data.role } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "member.create",
      targetType: "membership",
      targetId: membership.id,
      data: { email: data.email, role: data.role, newUser },
    });
    return {
      membershipId: membership.id,
      userId: user.id,
      email: user.email,
      role: data.role,
      newUser,
      ...(newUser && generated ? { temporaryPassword: generated } : {}),
    };
  });
}
