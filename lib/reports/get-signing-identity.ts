import { openSealedSecret } from "../integrations/open-sealed-secret.ts";
import { sealSecret } from "../integrations/seal-secret.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { Db, PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { createSigningIdentity } from "./create-signing-identity.ts";
import { parsePkcs12, type ParsedPkcs12 } from "./parse-pkcs12.ts";
import type { SigningIdentitySummary } from "./signing-identity-summary.ts";

/** An organization's active signing identity, opened: summary, chain and the key to sign with. */
export interface OpenSigningIdentity extends SigningIdentitySummary {
  certificatePem: string;
  chainPem: string;
  p12: Buffer;
  passphrase: string;
  keyPem: string;
}

/** Serializes identity changes of one organization (a transaction-scoped advisory lock). */
export async function lockSigningIdentity(tx: Db, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signing-identity:${orgId}`}))`;
}

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

/**
 * The organization's active signing identity; on first use (none, or the active one expired) a
 * per-organization root and signing certificate are generated (create-signing-identity.ts), sealed,
 * stored and audited in one transaction under a lock, so concurrent first reports share one identity.
 */
export async function getSigningIdentity(
  prisma: PrismaClient,
  orgId: string,
  now: Date = new Date(),
): Promise<OpenSigningIdentity> {
  const row = await prisma.$transaction(async (tx) => {
    await lockSigningIdentity(tx, orgId);
    const active = await tx.signingIdentity.findFirst({ where: { orgId, retiredAt: null } });
    if (active && active.notAfter.getTime() > now.getTime()) return active;
    const org = await tx.organization.findUnique({ where: { id: orgId }, select: { name: true } });
    if (!org) throw new AppError("not_found", "Organization not found.");
    const made = createSigningIdentity(org.name, now);
    const parsed = parsePkcs12(made.p12, made.passphrase, now);
    const id = await storeSigningIdentity(tx, {
      orgId,
      origin: "generated",
      parsed,
      p12: made.p12,
      passphrase: made.passphrase,
      createdById: null,
      now,
    });
    await recordAuditEntry(tx, {
      orgId,
      actor: { kind: "system" },
      action: "signing_identity.generate",
      targetType: "signing_identity",
      targetId: id,
      data: { subject: parsed.subject, fingerprint: parsed.fingerprint, notAfter: parsed.notAfter },
    });
    return tx.signingIdentity.findUniqueOrThrow({ where: { id } });
  });
  const p12 = Buffer.from(openSealedSecret(row.p12Sealed), "base64");
  const passphrase = openSealedSecret(row.passphraseSealed);
  return {
    id: row.id,
    origin: row.origin === "uploaded" ? "uploaded" : "generated",
    subject: row.subject,
    fingerprint: row.fingerprint,
    signerFingerprint: row.signerFingerprint,
    notAfter: row.notAfter.toISOString(),
    createdAt: row.createdAt.toISOString(),
    certificatePem: row.certificatePem,
    chainPem: row.chainPem,
    p12,
    passphrase,
    keyPem: parsePkcs12(p12, passphrase, row.createdAt).keyPem,
  };
}
