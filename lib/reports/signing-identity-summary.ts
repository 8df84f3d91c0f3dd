/** What anyone in the organization may see of its signing identity (never the key). */
export interface SigningIdentitySummary {
  id: string;
  origin: "generated" | "uploaded";
  subject: string;
  /** SHA-256 of the trust anchor certificate (hex): compare it with what verifiers show. */
  fingerprint: string;
  signerFingerprint: string;
  notAfter: string;
  createdAt: string;
}
