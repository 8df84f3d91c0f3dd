import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { ensureSigningIdentity } from "./ensure-signing-identity.ts";
import type { SigningIdentitySummary } from "./signing-identity-summary.ts";
import { toSigningIdentitySummary } from "./to-signing-identity-summary.ts";

/**
 * The public part of the organization's signing identity (generated on first use), never the key:
 * nothing is unsealed or parsed, so showing it on the Reports page costs one query.
 */
export async function getSigningCertificate(
  prisma: PrismaClient,
  ctx: OrgContext,
): Promise<SigningIdentitySummary & { certificatePem: string; chainPem: string }> {
  const row = await ensureSigningIdentity(prisma, ctx.org.id);
  return { ...toSigningIdentitySummary(row), certificatePem: row.certificatePem, chainPem: row.chainPem };
}
