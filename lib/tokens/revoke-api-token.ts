import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";

/**
 * Revokes a token of the organization (404 for another organization's or an unknown id). Admins may
 * revoke any token; others only tokens they created. Takes effect on the token's next request.
 */
export async function revokeApiToken(prisma: PrismaClient, ctx: OrgContext, tokenId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: requireUuid(tokenId, "token"), orgId: ctx.org.id } });
    if (!token) throw new AppError("not_found", "No such token in this organization.");
    const isOwner = ctx.actor.kind === "user" && token.createdById === ctx.actor.userId;
    const isAdmin = ctx.role === "admin" || (ctx.actor.kind === "token" && ctx.actor.scopes.includes("admin"));
    if (!isAdmin && !isOwner) throw new AppError("forbidden", "Only an admin or the token's creator may revoke it.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "token.revoke",
      targetType: "api_token",
      targetId: token.id,
    });
  });
}
