import { createHash } from "node:crypto";
import { hashChildren } from "./hash-children.ts";
import { HASH_SIZE } from "./merkle-types.ts";

/**
 * Merkle Tree Hash (RFC 6962 §2.1) of a list of leaf hashes (each already `hashLeaf(entry)`).
 *
 * Streams its input: O(n) hashing and O(log n) memory, so it accepts any iterable (an array, or a
 * generator reading leaf hashes in index order from storage). The empty tree's root is SHA-256 of
 * the empty string.
 *
 * How: it keeps the roots of the complete subtrees seen so far (a "frontier" of at most log2(n) + 1
 * hashes, one per 1-bit of the count), merging equal-sized neighbours as leaves arrive, then folds the
 * frontier right to left. That is the same tree as the recursive definition, whose left part is always
 * the largest complete subtree.
 *
 * @throws TypeError when an element is not a 32-byte hash.
 */
export function computeRoot(leafHashes: Iterable<Uint8Array>): Buffer {
  const frontier: Buffer[] = [];
  let count = 0;
  for (const leafHash of leafHashes) {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
      throw new TypeError(`leaf hash #${count} must be a ${HASH_SIZE}-byte hash`);
    }
    let node: Buffer = Buffer.from(leafHash);
    count += 1;
    // Each trailing 0-bit of the new count closes one complete subtree: merge it with its left twin.
    for (let c = count; c % 2 === 0; c /= 2) {
      const left = frontier.pop();
      if (left === undefined) throw new Error("unreachable: frontier shorter than the count implies");
      node = hashChildren(left, node);
    }
    frontier.push(node);
  }
  let root = frontier.pop();
  if (root === undefined) return createHash("sha256").digest();
  for (let i = frontier.length - 1; i >= 0; i -= 1) {
    root = hashChildren(frontier[i] as Buffer, root);
  }
  return root;
}
