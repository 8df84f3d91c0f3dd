import type { Db } from "../db/db-types.ts";
import { sealSecret } from "../integrations/seal-secret.ts";
import type { ParsedPkcs12 } from "./parse-pkcs12.ts";

/** Stores a checked identity (sealed) as the organization's active one, retiring the previous one. */
export async function storeSigningIdentity(
  tx: Db,
  input: {
    orgId: string;
    origin: "generated" | "uploaded";
    parsed: ParsedPkcs12;
    p12: Buffer;
    passphrase: string;
    createdById: string | null;
    now: Date;
  },
): Promise<string> {
  await tx.signingIdentity.updateMany({
    where: { orgId: input.orgId, retiredAt: null },
    data: { retiredAt: input.now },
  });
  const row = await tx.signingIdentity.create({
    data: {
      orgId: input.orgId,
      origin: input.origin,
      subject: input.parsed.subject,
      fingerprint: input.parsed.fingerprint,
      signerFingerprint: input.parsed.signerFingerprint,
      certificatePem: input.parsed.certificatePem,
      chainPem: input.parsed.chainPem,
      p12Sealed: sealSecret(input.p12.toString("base64")),
      passphraseSealed: sealSecret(input.passphrase),
      notAfter: new Date(input.parsed.notAfter),
      createdById: input.createdById,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return row.id;
}
