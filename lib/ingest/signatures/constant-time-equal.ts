import { timingSafeEqual } from "node:crypto";

/**
 * Compares two byte strings in time that depends only on their length, never on where they differ.
 * Different lengths are unequal at once, so only feed it values whose length is public anyway (fixed-size
 * digests such as HMAC-SHA256 outputs or SHA-256 hashes of presented tokens); hash variable-length
 * secrets first.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  return timingSafeEqual(a, b);
}
