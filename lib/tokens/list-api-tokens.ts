import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdBy: string | null;
  createdById: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The organization's tokens, newest first, without any secret material. */
export async function listApiTokens(prisma: PrismaClient, ctx: OrgContext): Promise<ApiTokenSummary[]> {
  const rows = await prisma.apiToken.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { email: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy?.email ?? null,
    createdById: t.createdById,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}
