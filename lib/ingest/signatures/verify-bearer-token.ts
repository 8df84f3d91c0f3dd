import { readBearerToken } from "./read-bearer-token.ts";
import type { SharedTokenInput, SignatureScheme, VerifiedDelivery } from "./signature-types.ts";
import { verifySharedToken } from "./verify-shared-token.ts";

/**
 * Verifies `Authorization: Bearer <token>` (RFC 6750) against the stored SHA-256 hashes of the tokens
 * Assay issued for this source (see `verifySharedToken`). Only the Authorization header is read: a token
 * in another header (`x-api-key`, …) is not accepted. Bearer deliveries carry no delivery id. `scheme`
 * records who uses the token (`bearer-token` by default; `event-grid` or `api-token` when those senders
 * authenticate this way).
 */
export function verifyBearerToken({
  headers,
  tokenHashes,
  scheme = "bearer-token",
}: SharedTokenInput & { scheme?: SignatureScheme }): VerifiedDelivery {
  const presented = readBearerToken(headers);
  return verifySharedToken({ presented, tokenHashes, scheme, source: "Bearer token" });
}
