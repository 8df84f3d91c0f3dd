import type { TokenActor } from "../auth/actor.ts";
import { hashSecret } from "../auth/hash-secret.ts";
import { TOKEN_SCOPES, type TokenScope } from "../auth/roles.ts";
import type { PrismaClient } from "../db/db-types.ts";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a bearer token to its actor. Revoked and expired tokens fail at once (the lookup checks
 * the row on every request, nothing is cached). Records the last-used time, at most once a minute.
 */
export async function authenticateApiToken(
  prisma: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<TokenActor | null> {
  if (!token.startsWith("assay_") || token.length > 200) return null;
  const row = await prisma.apiToken.findUnique({ where: { hash: hashSecret(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const scopes = row.scopes.filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s));
  return { kind: "token", tokenId: row.id, orgId: row.orgId, scopes };
}
