import { hashSecret } from "../../auth/hash-secret.ts";
import { AppError } from "../../errors/app-error.ts";
import { constantTimeEqual } from "./constant-time-equal.ts";
import type { SignatureScheme, VerifiedDelivery } from "./signature-types.ts";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Verifies a secret the sender repeats verbatim on every request (GitLab's `X-Gitlab-Token`, Hugging
 * Face's `X-Webhook-Secret`, a bearer token): the token was issued by Assay and only its SHA-256 is
 * stored. The presented value is hashed and its 32-byte digest compared with every stored digest in
 * constant time, so neither the token's length nor the position of a mismatch leaks, and every stored
 * hash is compared (no early exit) so timing does not reveal which one matched. `source` names the header
 * in error messages.
 */
export function verifySharedToken({
  presented,
  tokenHashes,
  scheme,
  source = "presented token",
}: {
  presented: string;
  tokenHashes: readonly string[];
  scheme: SignatureScheme;
  source?: string;
}): VerifiedDelivery {
  if (presented === "") throw new AppError("unauthenticated", `${source} is empty`);
  if (tokenHashes.length === 0) {
    throw new AppError("unauthenticated", "no current token is configured for this source");
  }
  const stored = tokenHashes.map((hash, index) => {
    if (!SHA256_HEX.test(hash)) {
      throw new AppError("config_invalid", `stored token hash #${index} is not a SHA-256 hex digest`);
    }
    return new Uint8Array(Buffer.from(hash, "hex"));
  });
  const digest = new Uint8Array(Buffer.from(hashSecret(presented), "hex"));
  let secretIndex = -1;
  stored.forEach((hash, index) => {
    if (constantTimeEqual(digest, hash) && secretIndex === -1) secretIndex = index;
  });
  if (secretIndex === -1) throw new AppError("unauthenticated", `${source} matches no current token`);
  return { scheme, deliveryId: null, signedAt: null, secretIndex };
}
