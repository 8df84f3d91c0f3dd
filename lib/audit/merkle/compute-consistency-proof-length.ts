import { findSplitPoint } from "./find-split-point.ts";

/**
 * Number of hashes in the consistency proof `PROOF(oldSize, D[newSize])` of RFC 6962 §2.1.2 (0 when the
 * sizes are equal). O(log² n) arithmetic, no hashing.
 *
 * @throws RangeError unless `1 <= oldSize <= newSize` (safe integers).
 */
export function computeConsistencyProofLength(oldSize: number, newSize: number): number {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 1 || oldSize > newSize) {
    throw new RangeError(`no consistency proof from size ${oldSize} to size ${newSize}`);
  }
  // Walks SUBPROOF(m, D[n], b): every descent adds one sibling subtree hash; at the bottom, the subtree
  // equal to the old tree is added too unless it is the whole old tree (b still true).
  let length = 0;
  let m = oldSize;
  let size = newSize;
  let wholeOldTree = true;
  while (m !== size) {
    const k = findSplitPoint(size);
    if (m <= k) {
      size = k;
    } else {
      m -= k;
      size -= k;
      wholeOldTree = false;
    }
    length += 1;
  }
  return wholeOldTree ? length : length + 1;
}
