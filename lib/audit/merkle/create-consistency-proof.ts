import { computeRangeRoot } from "./compute-range-root.ts";
import { findSplitPoint } from "./find-split-point.ts";

/**
 * Consistency proof `PROOF(oldSize, D[newSize])` of RFC 6962 §2.1.2 between the tree of the first
 * `oldSize` leaf hashes and the tree of the first `newSize` (default: all of them). Empty when the sizes
 * are equal. O(newSize) hashing, O(log n) memory beyond the result.
 *
 * @throws RangeError unless `1 <= oldSize <= newSize <= leafHashes.length` (safe integers). A proof from
 *   the empty tree is not defined by RFC 6962 and would prove nothing.
 * @throws TypeError when a leaf hash used is not a 32-byte hash.
 */
export function createConsistencyProof(
  leafHashes: readonly Uint8Array[],
  oldSize: number,
  newSize: number = leafHashes.length,
): Buffer[] {
  if (!Number.isSafeInteger(newSize) || newSize < 1 || newSize > leafHashes.length) {
    throw new RangeError(`new size ${newSize} is outside 1..${leafHashes.length}`);
  }
  if (!Number.isSafeInteger(oldSize) || oldSize < 1 || oldSize > newSize) {
    throw new RangeError(`old size ${oldSize} is outside 1..${newSize}`);
  }
  // SUBPROOF(m, D[lo:hi], b), unrolled. `m` is the old tree's size relative to `lo`; `wholeOldTree` is b.
  // Hashes are found root-first, so the result is reversed at the end.
  const found: Buffer[] = [];
  let lo = 0;
  let hi = newSize;
  let m = oldSize;
  let wholeOldTree = true;
  while (m !== hi - lo) {
    const k = findSplitPoint(hi - lo);
    if (m <= k) {
      found.push(computeRangeRoot(leafHashes, lo + k, hi));
      hi = lo + k;
    } else {
      found.push(computeRangeRoot(leafHashes, lo, lo + k));
      lo += k;
      m -= k;
      wholeOldTree = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b still true the verifier already knows the old root.
  if (!wholeOldTree) found.push(computeRangeRoot(leafHashes, lo, hi));
  return found.reverse();
}
