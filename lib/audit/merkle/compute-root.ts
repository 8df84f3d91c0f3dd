import { createRootAccumulator } from "./create-root-accumulator.ts";
import { HASH_SIZE } from "./merkle-types.ts";

/**
 * Merkle Tree Hash (RFC 6962 §2.1) of a list of leaf hashes (each already `hashLeaf(entry)`).
 *
 * Streams its input: O(n) hashing and O(log n) memory, so it accepts any iterable (an array, or a
 * generator reading leaf hashes in index order from storage). The empty tree's root is SHA-256 of
 * the empty string.
 *
 * How: `createRootAccumulator` keeps the roots of the complete subtrees seen so far (one per 1-bit of
 * the count), merging equal-sized neighbours as leaves arrive, then folds them right to left. That is
 * the same tree as the recursive definition, whose left part is always the largest complete subtree.
 *
 * @throws TypeError when an element is not a 32-byte hash.
 */
export function computeRoot(leafHashes: Iterable<Uint8Array>): Buffer {
  const accumulator = createRootAccumulator();
  for (const leafHash of leafHashes) {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
      throw new TypeError(`leaf hash #${accumulator.size()} must be a ${HASH_SIZE}-byte hash`);
    }
    accumulator.push(Buffer.from(leafHash));
  }
  return accumulator.root();
}
