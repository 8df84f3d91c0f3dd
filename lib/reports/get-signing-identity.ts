import { openSealedSecret } from "../integrations/open-sealed-secret.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { ensureSigningIdentity } from "./ensure-signing-identity.ts";
import { parsePkcs12 } from "./parse-pkcs12.ts";
import type { SigningIdentitySummary } from "./signing-identity-summary.ts";
import { toSigningIdentitySummary } from "./to-signing-identity-summary.ts";

/** An organization's active signing identity, opened: summary, chain and the key to sign with. */
export interface OpenSigningIdentity extends SigningIdentitySummary {
  certificatePem: string;
  chainPem: string;
  p12: Buffer;
  passphrase: string;
  keyPem: string;
}

/**
 * The organization's active signing identity, opened (PKCS#12 and passphrase unsealed, key read) for
 * signing; generated on first use by `ensureSigningIdentity`.
 */
export async function getSigningIdentity(
  prisma: PrismaClient,
  orgId: string,
  now: Date = new Date(),
): Promise<OpenSigningIdentity> {
  const row = await ensureSigningIdentity(prisma, orgId, now);
  const p12 = Buffer.from(openSealedSecret(row.p12Sealed), "base64");
  const passphrase = openSealedSecret(row.passphraseSealed);
  return {
    ...toSigningIdentitySummary(row),
    certificatePem: row.certificatePem,
    chainPem: row.chainPem,
    p12,
    passphrase,
    keyPem: parsePkcs12(p12, passphrase, row.createdAt).keyPem,
  };
}
