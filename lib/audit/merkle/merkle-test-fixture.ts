import { createHash } from "node:crypto";
import { findSplitPoint } from "./find-split-point.ts";
import { hashChildren } from "./hash-children.ts";

/**
 * Test data and a deliberately naive reference for the Merkle tests (no I/O).
 *
 * The reference functions transcribe the recursive definitions of RFC 6962 §2.1 literally (slices and
 * recursion, no cleverness), so that the streaming and iterative production code can be checked
 * against them for every small tree.
 */

/** The 8-leaf test tree used by Certificate Transparency implementations (RFC 6962 test data). */
export const REFERENCE_LEAVES: readonly Buffer[] = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((hex) => Buffer.from(hex, "hex"));

/**
 * Known-answer roots of the first `n` reference leaves, index = n. Index 0 is SHA-256 of the empty
 * string; 1..8 are the roots listed in transparency-dev/merkle (`cmd/proofgen`, `testonly`) and in
 * the Certificate Transparency log implementations.
 */
export const REFERENCE_ROOTS_HEX: readonly string[] = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

/** MTH(D[n]) by the recursive definition of RFC 6962 §2.1, over leaf hashes. */
export function referenceMth(leafHashes: readonly Buffer[]): Buffer {
  const n = leafHashes.length;
  if (n === 0) return createHash("sha256").digest();
  if (n === 1) return leafHashes[0] as Buffer;
  const k = findSplitPoint(n);
  return hashChildren(referenceMth(leafHashes.slice(0, k)), referenceMth(leafHashes.slice(k)));
}

/** PATH(m, D[n]) by the recursive definition of RFC 6962 §2.1.1. */
export function referencePath(m: number, leafHashes: readonly Buffer[]): Buffer[] {
  const n = leafHashes.length;
  if (n === 1) return [];
  const k = findSplitPoint(n);
  if (m < k) return [...referencePath(m, leafHashes.slice(0, k)), referenceMth(leafHashes.slice(k))];
  return [...referencePath(m - k, leafHashes.slice(k)), referenceMth(leafHashes.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) by the recursive definition of RFC 6962 §2.1.2. */
export function referenceProof(m: number, leafHashes: readonly Buffer[]): Buffer[] {
  const subproof = (m: number, d: readonly Buffer[], b: boolean): Buffer[] => {
    const n = d.length;
    if (m === n) return b ? [] : [referenceMth(d)];
    const k = findSplitPoint(n);
    if (m <= k) return [...subproof(m, d.slice(0, k), b), referenceMth(d.slice(k))];
    return [...subproof(m - k, d.slice(k), false), referenceMth(d.slice(0, k))];
  };
  return subproof(m, leafHashes, true);
}

/** A copy of `hash` with bit `bit` (0 = most significant bit of byte 0) inverted. */
export function flipBit(hash: Uint8Array, bit: number): Buffer {
  const copy = Buffer.from(hash);
  const byte = Math.floor(bit / 8);
  copy[byte] = (copy[byte] as number) ^ (0x80 >> (bit % 8));
  return copy;
}
