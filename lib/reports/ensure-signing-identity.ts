import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { createSigningIdentity } from "./create-signing-identity.ts";
import { lockSigningIdentity } from "./lock-signing-identity.ts";
import { storeSigningIdentity } from "./store-signing-identity.ts";
import { parsePkcs12 } from "./parse-pkcs12.ts";

/**
 * The organization's active signing identity row (nothing unsealed); on first use (none, or the active
 * one expired) a per-organization root and signing certificate are generated (create-signing-identity.ts),
 * sealed, stored and audited in one transaction under a lock, so concurrent first reports share one.
 */
export async function ensureSigningIdentity(prisma: PrismaClient, orgId: string, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
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
}
