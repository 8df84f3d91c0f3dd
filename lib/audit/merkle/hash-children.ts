import { createHash } from "node:crypto";
import { HASH_SIZE } from "./merkle-types.ts";

const NODE_PREFIX = Buffer.from([0x01]);

/**
 * RFC 6962 §2.1 interior node hash: `SHA-256(0x01 || left || right)`.
 *
 * @throws TypeError when either child is not a {@link HASH_SIZE}-byte hash (a programming error: the
 *   verification functions check their untrusted inputs before they hash anything).
 */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (!(left instanceof Uint8Array) || left.length !== HASH_SIZE) {
    throw new TypeError(`left child must be a ${HASH_SIZE}-byte hash`);
  }
  if (!(right instanceof Uint8Array) || right.length !== HASH_SIZE) {
    throw new TypeError(`right child must be a ${HASH_SIZE}-byte hash`);
  }
  return createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest();
}
