import { createHash } from "node:crypto";
import { hashChildren } from "./hash-children.ts";

export interface RootAccumulator {
  push(leafHash: Buffer): void;
  size(): number;
  /** The RFC 6962 root of the leaves pushed so far (the empty-tree hash when none). */
  root(): Buffer;
}

/**
 * Pure: an RFC 6962 tree head computed while leaves arrive, in O(log n) memory: the roots of the
 * perfect subtrees that make up the tree so far (one per bit of its size, largest first). Merging two
 * equal subtrees on push and folding them right to left for the root gives exactly MTH, whose split is
 * the largest power of two below the size. `computeRoot` is this over a whole list; a verifier uses it
 * to check every checkpoint in one pass. The empty tree's root is SHA-256 of the empty string.
 */
export function createRootAccumulator(): RootAccumulator {
  const peaks: { height: number; hash: Buffer }[] = [];
  let count = 0;
  return {
    push(leafHash) {
      let node = { height: 0, hash: leafHash };
      for (let top = peaks.at(-1); top && top.height === node.height; top = peaks.at(-1)) {
        peaks.pop();
        node = { height: node.height + 1, hash: hashChildren(top.hash, node.hash) };
      }
      peaks.push(node);
      count += 1;
    },
    size: () => count,
    root() {
      if (peaks.length === 0) return createHash("sha256").digest();
      let acc = (peaks[peaks.length - 1] as { hash: Buffer }).hash;
      for (let i = peaks.length - 2; i >= 0; i -= 1) acc = hashChildren((peaks[i] as { hash: Buffer }).hash, acc);
      return acc;
    },
  };
}
