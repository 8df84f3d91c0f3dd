import type { SigningIdentitySummary } from "./signing-identity-summary.ts";

/** Pure: a stored signing identity as anyone in the organization may see it (never the key). */
export function toSigningIdentitySummary(row: {
  id: string;
  origin: string;
  subject: string;
  fingerprint: string;
  signerFingerprint: string;
  notAfter: Date;
  createdAt: Date;
}): SigningIdentitySummary {
  return {
    id: row.id,
    origin: row.origin === "uploaded" ? "uploaded" : "generated",
    subject: row.subject,
    fingerprint: row.fingerprint,
    signerFingerprint: row.signerFingerprint,
    notAfter: row.notAfter.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
