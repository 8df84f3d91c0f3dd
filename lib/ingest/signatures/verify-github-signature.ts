import { AppError } from "../../errors/app-error.ts";
import { findMatchingHmacKey } from "./find-matching-hmac-key.ts";
import { readDeliveryId } from "./read-delivery-id.ts";
import type { VerifiedDelivery } from "./signature-types.ts";

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const encoder = new TextEncoder();

/**
 * Verifies a GitHub webhook delivery (GitHub Docs, "Validating webhook deliveries"). GitHub sends
 * `X-Hub-Signature-256: sha256=<hex>`, the lowercase hex HMAC-SHA256 of the raw body keyed with the
 * webhook secret's UTF-8 bytes, and a GUID in `X-GitHub-Delivery`. Nothing time-bound is signed, so
 * replay protection is deduplication on the returned `deliveryId`, done elsewhere. The legacy SHA-1
 * `X-Hub-Signature` is not accepted. Any current secret verifies (rotation).
 */
export function verifyGithubSignature({
  raw,
  headers,
  secrets,
}: {
  raw: Uint8Array;
  headers: Headers;
  secrets: readonly string[];
}): VerifiedDelivery {
  const signature = headers.get("X-Hub-Signature-256");
  if (signature === null || signature === "") {
    throw new AppError("unauthenticated", "missing X-Hub-Signature-256 header");
  }
  const match = SIGNATURE.exec(signature);
  if (!match?.[1]) {
    throw new AppError("unauthenticated", 'X-Hub-Signature-256 is malformed; expected "sha256=<64 lowercase hex>"');
  }
  const deliveryId = readDeliveryId(headers, "X-GitHub-Delivery", false);
  if (secrets.length === 0) {
    throw new AppError("unauthenticated", "no current secret is configured for this source");
  }
  const keys = secrets.map((secret) => encoder.encode(secret));
  const secretIndex = findMatchingHmacKey(keys, [raw], [new Uint8Array(Buffer.from(match[1], "hex"))]);
  if (secretIndex === -1) {
    throw new AppError("unauthenticated", "X-Hub-Signature-256 matches no current secret");
  }
  return { scheme: "github-hmac", deliveryId, signedAt: null, secretIndex };
}
