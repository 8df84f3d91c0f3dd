import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInclusionProofs } from "./create-inclusion-proofs.ts";
import { createInclusionProof } from "./merkle/create-inclusion-proof.ts";
import { computeRoot } from "./merkle/compute-root.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";
import { verifyInclusionProof } from "./merkle/verify-inclusion-proof.ts";

const SEED = 20261124;
const leaves = (n: number) =>
  Array.from({ length: n }, (_, i) => hashLeaf(createHash("sha256").update(String(i)).digest()));

describe("createInclusionProofs (batch, shared subtree roots)", () => {
  it("gives the same audit paths as createInclusionProof, and they verify against the root", () => {
    console.log(`fast-check seed ${SEED}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 299 }), (size, extra) => {
        const hashes = leaves(size + (extra % 7));
        const indices = [...new Set([0, size - 1, extra % size, Math.floor(size / 2)])];
        const batch = createInclusionProofs(hashes, indices, size);
        const root = computeRoot(hashes.slice(0, size));
        for (const i of indices) {
          const proof = batch.get(i) ?? [];
          expect(proof).toEqual(createInclusionProof(hashes, i, size));
          expect(
            verifyInclusionProof({ leafHash: hashes[i] as Buffer, leafIndex: i, treeSize: size, proof, root }),
          ).toEqual({ ok: true });
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("rejects an index outside the tree and a size beyond the leaves", () => {
    expect(() => createInclusionProofs(leaves(4), [4])).toThrow(RangeError);
    expect(() => createInclusionProofs(leaves(4), [0], 5)).toThrow(RangeError);
  });
});
