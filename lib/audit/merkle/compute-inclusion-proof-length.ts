import { findSplitPoint } from "./find-split-point.ts";

/**
 * Number of hashes in the audit path `PATH(leafIndex, D[treeSize])` of RFC 6962 §2.1.1: one per level
 * descended from the root to the leaf. O(log² n) arithmetic, no hashing.
 *
 * @throws RangeError unless `0 <= leafIndex < treeSize` (safe integers).
 */
export function computeInclusionProofLength(leafIndex: number, treeSize: number): number {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError(`no audit path for leaf ${leafIndex} in a tree of ${treeSize}`);
  }
  let length = 0;
  let index = leafIndex;
  let size = treeSize;
  while (size > 1) {
    const k = findSplitPoint(size);
    if (index < k) {
      size = k;
    } else {
      index -= k;
      size -= k;
    }
    length += 1;
  }
  return length;
}
