import { computeRangeRoot } from "./compute-range-root.ts";
import { findSplitPoint } from "./find-split-point.ts";

/**
 * Audit path `PATH(leafIndex, D[treeSize])` of RFC 6962 §2.1.1 for the leaf at `leafIndex` in the tree
 * made of the first `treeSize` leaf hashes (default: all of them, so proofs against an earlier tree head
 * are possible). Ordered from the leaf's sibling up to the child of the root, as RFC 6962 and RFC 9162
 * verifiers expect. O(treeSize) hashing, O(log n) memory beyond the result.
 *
 * @throws RangeError unless `0 <= leafIndex < treeSize <= leafHashes.length` (safe integers).
 * @throws TypeError when a leaf hash used is not a 32-byte hash.
 */
export function createInclusionProof(
  leafHashes: readonly Uint8Array[],
  leafIndex: number,
  treeSize: number = leafHashes.length,
): Buffer[] {
  if (!Number.isSafeInteger(treeSize) || treeSize < 1 || treeSize > leafHashes.length) {
    throw new RangeError(`tree size ${treeSize} is outside 1..${leafHashes.length}`);
  }
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError(`leaf index ${leafIndex} is outside 0..${treeSize - 1}`);
  }
  // Descend from the root: PATH(m, D[lo:hi]) = PATH(m, one half) : MTH(other half). Siblings are found
  // root-first, so the result is reversed at the end.
  const siblings: Buffer[] = [];
  let lo = 0;
  let hi = treeSize;
  while (hi - lo > 1) {
    const mid = lo + findSplitPoint(hi - lo);
    if (leafIndex < mid) {
      siblings.push(computeRangeRoot(leafHashes, mid, hi));
      hi = mid;
    } else {
      siblings.push(computeRangeRoot(leafHashes, lo, mid));
      lo = mid;
    }
  }
  return siblings.reverse();
}
