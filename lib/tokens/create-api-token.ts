import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { hashSecret } from "../auth/hash-secret.ts";
import { TOKEN_SCOPES } from "../auth/roles.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";

export const createApiTokenInput = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { message: `must be one of ${TOKEN_SCOPES.join(", ")}` }))
    .min(1, "needs at least one scope")
    .transform((s) => [...new Set(s)]),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  /** The token itself: shown once, never stored. */
  token: string;
}

/**
 * Issues a scoped API token for an organization. The secret is shown once and only its SHA-256 is
 * kept. Only admins may issue `admin`-scoped tokens; engineers may issue `read` and `evidence:write`.
 */
export async function createApiToken(prisma: PrismaClient, ctx: OrgContext, input: unknown): Promise<CreatedApiToken> {
  const { name, scopes, expiresInDays } = parseInput(createApiTokenInput, input, "token");
  if (
    scopes.includes("admin") &&
    ctx.role !== "admin" &&
    !(ctx.actor.kind === "token" && ctx.actor.scopes.includes("admin"))
  ) {
    throw new AppError("forbidden", "Only an admin may issue a token with the admin scope.", [
      { field: "scopes", message: "admin scope needs the admin role" },
    ]);
  }
  const token = `assay_${randomBytes(30).toString("base64url")}`;
  const prefix = token.slice(0, 12);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        orgId: ctx.org.id,
        name,
        prefix,
        hash: hashSecret(token),
        scopes,
        expiresAt,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      },
    });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "token.create",
      targetType: "api_token",
      targetId: row.id,
      data: { name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null, token };
  });
}
