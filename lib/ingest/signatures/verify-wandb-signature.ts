import { AppError } from "../../errors/app-error.ts";
import { decodeBase64Digest } from "./decode-base64-digest.ts";
import { findMatchingHmacKey } from "./find-matching-hmac-key.ts";
import { readBearerToken } from "./read-bearer-token.ts";
import type { VerifiedDelivery } from "./signature-types.ts";
import { verifySharedToken } from "./verify-shared-token.ts";

const encoder = new TextEncoder();

/**
 * Verifies a Weights & Biases automation webhook (wandb/docs, "Create a webhook automation" and its
 * troubleshooting section). W&B sends two credentials, both required here: `Authorization: Bearer
 * <access token>` (the access-token secret of the webhook, checked against the stored SHA-256 hashes,
 * see `verifySharedToken`) and `X-Wandb-Signature`, the base64 HMAC-SHA256 of the raw body keyed with the
 * webhook's secret as UTF-8 bytes. Nothing time-bound is signed and W&B sends no delivery id, so
 * `deliveryId` and `signedAt` are null. `secretIndex` is the index of the signing secret in `secrets`.
 */
export function verifyWandbSignature({
  raw,
  headers,
  secrets,
  tokenHashes,
}: {
  raw: Uint8Array;
  headers: Headers;
  secrets: readonly string[];
  tokenHashes: readonly string[];
}): VerifiedDelivery {
  const signature = headers.get("X-Wandb-Signature");
  if (signature === null || signature === "") {
    throw new AppError("unauthenticated", "missing X-Wandb-Signature header");
  }
  const presented = readBearerToken(headers);
  const mac = decodeBase64Digest(signature);
  if (mac === null) throw new AppError("unauthenticated", "X-Wandb-Signature is not a base64 HMAC-SHA256");
  verifySharedToken({ presented, tokenHashes, scheme: "wandb-hmac", source: "Bearer token" });
  if (secrets.length === 0) {
    throw new AppError("unauthenticated", "no current secret is configured for this source");
  }
  const keys = secrets.map((secret) => encoder.encode(secret));
  const secretIndex = findMatchingHmacKey(keys, [raw], [mac]);
  if (secretIndex === -1) throw new AppError("unauthenticated", "X-Wandb-Signature matches no current secret");
  return { scheme: "wandb-hmac", deliveryId: null, signedAt: null, secretIndex };
}
