import { createHmac } from "node:crypto";

/**
 * HMAC-SHA256 (RFC 2104 with SHA-256) of the concatenation of `parts`, fed to the MAC one after the
 * other so a large body is never copied into a joined buffer. Returns the 32-byte MAC.
 */
export function hmacSha256(key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return new Uint8Array(mac.digest());
}
