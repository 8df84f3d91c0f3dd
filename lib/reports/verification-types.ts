/** One check `assay verify` made, and what it found. */
export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Verification {
  ok: boolean;
  kind: "pdf" | "pack";
  checks: VerifyCheck[];
  /** The signer as the signature names it (when it could be read). */
  signer: { subject: string; fingerprint: string; signerFingerprint: string } | null;
}
