import { computeRoot } from "./compute-root.ts";

function* range(leafHashes: readonly Uint8Array[], start: number, end: number): Generator<Uint8Array> {
  for (let i = start; i < end; i += 1) yield leafHashes[i] as Uint8Array;
}

/**
 * Merkle Tree Hash of the leaves `leafHashes[start..end)`, i.e. `MTH(D[start:end])` in RFC 6962 §2.1,
 * without copying the slice. O(end - start) hashing, O(log n) memory.
 *
 * @throws RangeError when `0 <= start <= end <= leafHashes.length` does not hold.
 * @throws TypeError when a leaf hash in the range is not a 32-byte hash.
 */
export function computeRangeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    start < 0 ||
    end < start ||
    end > leafHashes.length
  ) {
    throw new RangeError(`invalid leaf range [${start}, ${end}) of ${leafHashes.length} leaves`);
  }
  return computeRoot(range(leafHashes, start, end));
}
