import { createHash } from "node:crypto";

const LEAF_PREFIX = Buffer.from([0x00]);

/** RFC 6962 §2.1 leaf hash: `SHA-256(0x00 || leaf)`. The 0x00 prefix keeps leaves and nodes apart. */
export function hashLeaf(leaf: Uint8Array): Buffer {
  return createHash("sha256").update(LEAF_PREFIX).update(leaf).digest();
}
