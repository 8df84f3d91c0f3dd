import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { getSigningIdentity } from "./get-signing-identity.ts";
import type { SigningIdentitySummary } from "./signing-identity-summary.ts";

/** The public part of the organization's signing identity (generated on first use), never the key. */
export async function getSigningCertificate(
  prisma: PrismaClient,
  ctx: OrgContext,
): Promise<SigningIdentitySummary & { certificatePem: string; chainPem: string }> {
  const identity = await getSigningIdentity(prisma, ctx.org.id);
  return {
    id: identity.id,
    origin: identity.origin,
    subject: identity.subject,
    fingerprint: identity.fingerprint,
    signerFingerprint: identity.signerFingerprint,
    notAfter: identity.notAfter,
    createdAt: identity.createdAt,
    certificatePem: identity.certificatePem,
    chainPem: identity.chainPem,
  };
}
