import { constantTimeEqual } from "./constant-time-equal.ts";
import { hmacSha256 } from "./hmac-sha256.ts";

/**
 * Computes HMAC-SHA256 of `parts` under every key and compares each MAC with every presented 32-byte
 * signature in constant time. All pairs are compared (no early exit), so the time taken does not reveal
 * which secret or which presented signature matched. Returns the index of the first key that matched,
 * or -1.
 */
export function findMatchingHmacKey(
  keys: readonly Uint8Array[],
  parts: readonly Uint8Array[],
  presented: readonly Uint8Array[],
): number {
  let match = -1;
  keys.forEach((key, index) => {
    const expected = hmacSha256(key, parts);
    for (const candidate of presented) {
      if (constantTimeEqual(expected, candidate) && match === -1) match = index;
    }
  });
  return match;
}
