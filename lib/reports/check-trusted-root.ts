import type { VerifyCheck } from "./verification-types.ts";

/** Pure: the "trusted root" check: the chain's anchor is the root the verifier pinned (colons allowed). */
export function checkTrustedRoot(anchorFingerprint: string, trusted: string): VerifyCheck {
  const want = trusted.replaceAll(":", "").toLowerCase();
  const ok = anchorFingerprint === want;
  return {
    name: "trusted root",
    ok,
    detail: ok ? `root ${want}` : `root ${anchorFingerprint} is not the trusted ${want}`,
  };
}
