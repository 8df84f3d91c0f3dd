import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of a high-entropy secret (session token, API token). Such secrets need no slow hash:
 * they cannot be guessed, and storing only the digest means a database leak reveals no live credential.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
