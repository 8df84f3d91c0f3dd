import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { lockSigningIdentity } from "./lock-signing-identity.ts";
import { storeSigningIdentity } from "./store-signing-identity.ts";
import { parsePkcs12 } from "./parse-pkcs12.ts";
import { MAX_P12_BYTES, uploadSigningCertificateInput } from "./report-input.ts";
import type { SigningIdentitySummary } from "./signing-identity-summary.ts";

/**
 * An admin replaces the organization's report signing identity with their own PKCS#12 (an RSA key and
 * its certificate, valid now, allowed to sign). The file is checked before anything is stored; the old
 * identity is retired (reports it signed keep naming it); the change is audited in the same transaction.
 */
export async function uploadSigningCertificate(
  prisma: PrismaClient,
  ctx: OrgContext,
  input: unknown,
  now: Date = new Date(),
): Promise<SigningIdentitySummary> {
  const data = parseInput(uploadSigningCertificateInput, input, "signing certificate");
  const p12 = Buffer.from(data.pkcs12, "base64");
  if (p12.length > MAX_P12_BYTES) throw new AppError("payload_too_large", "The PKCS#12 file is larger than 256 KiB.");
  const parsed = parsePkcs12(p12, data.passphrase, now);
  const id = await prisma.$transaction(async (tx) => {
    await lockSigningIdentity(tx, ctx.org.id);
    const stored = await storeSigningIdentity(tx, {
      orgId: ctx.org.id,
      origin: "uploaded",
      parsed,
      p12,
      passphrase: data.passphrase,
      createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      now,
    });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "signing_identity.upload",
      targetType: "signing_identity",
      targetId: stored,
      data: { subject: parsed.subject, fingerprint: parsed.fingerprint, notAfter: parsed.notAfter },
    });
    return stored;
  });
  return {
    id,
    origin: "uploaded",
    subject: parsed.subject,
    fingerprint: parsed.fingerprint,
    signerFingerprint: parsed.signerFingerprint,
    notAfter: parsed.notAfter,
    createdAt: now.toISOString(),
  };
}
