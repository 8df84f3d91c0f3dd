// Inclusion proofs: creation against the recursive RFC 6962 definition, verification with fixed-seed
// properties (fast-check) and every malformed input we can name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInclusionProofLength } from "./compute-inclusion-proof-length.ts";
import { computeRoot } from "./compute-root.ts";
import { createInclusionProof } from "./create-inclusion-proof.ts";
import { hashLeaf } from "./hash-leaf.ts";
import { flipBit, REFERENCE_LEAVES, REFERENCE_ROOTS_HEX, referencePath } from "./merkle-test-fixture.ts";
import type { InclusionProofClaim } from "./verify-inclusion-proof.ts";
import { verifyInclusionProof } from "./verify-inclusion-proof.ts";

const seed = 20261124;
console.log("fast-check seed", seed);

const leafHashesOf = (count: number, salt = "t") =>
  Array.from({ length: count }, (_, i) => hashLeaf(Buffer.from(`${salt}:${i}`)));

/** A random tree of 1..300 distinct leaves and a leaf index in it. */
const treeAndIndex = fc
  .record({ size: fc.integer({ min: 1, max: 300 }), salt: fc.string({ maxLength: 8 }) })
  .chain(({ size, salt }) => fc.record({ size: fc.constant(size), salt: fc.constant(salt), index: fc.nat(size - 1) }));

function claimFor(leafHashes: Buffer[], index: number, size = leafHashes.length): InclusionProofClaim {
  return {
    leafHash: leafHashes[index] as Buffer,
    leafIndex: index,
    treeSize: size,
    proof: createInclusionProof(leafHashes, index, size),
    root: computeRoot(leafHashes.slice(0, size)),
  };
}

describe("createInclusionProof", () => {
  it("equals PATH(m, D[n]) of RFC 6962 §2.1.1 for every leaf of every tree up to 64 leaves", () => {
    const leafHashes = leafHashesOf(64);
    for (let n = 1; n <= 64; n += 1) {
      for (let m = 0; m < n; m += 1) {
        const proof = createInclusionProof(leafHashes, m, n);
        expect(proof, `m=${m} n=${n}`).toEqual(referencePath(m, leafHashes.slice(0, n)));
        expect(computeInclusionProofLength(m, n)).toBe(proof.length);
      }
    }
  });

  it("proves every leaf of the reference tree against its known roots", () => {
    const leafHashes = REFERENCE_LEAVES.map(hashLeaf);
    for (let n = 1; n <= 8; n += 1) {
      for (let m = 0; m < n; m += 1) {
        const root = Buffer.from(REFERENCE_ROOTS_HEX[n] as string, "hex");
        const proof = createInclusionProof(leafHashes, m, n);
        expect(
          verifyInclusionProof({ leafHash: leafHashes[m] as Buffer, leafIndex: m, treeSize: n, proof, root }),
        ).toEqual({
          ok: true,
        });
      }
    }
  });

  it("refuses indices and sizes outside the list", () => {
    const leafHashes = leafHashesOf(5);
    expect(() => createInclusionProof(leafHashes, 5)).toThrow(RangeError);
    expect(() => createInclusionProof(leafHashes, -1)).toThrow(RangeError);
    expect(() => createInclusionProof(leafHashes, 1.5)).toThrow(RangeError);
    expect(() => createInclusionProof(leafHashes, 0, 6)).toThrow(RangeError);
    expect(() => createInclusionProof(leafHashes, 0, 0)).toThrow(RangeError);
    expect(() => createInclusionProof(leafHashes, 3, 3)).toThrow(RangeError);
    expect(() => createInclusionProof([], 0)).toThrow(RangeError);
  });
});

describe("verifyInclusionProof properties (random trees up to 300 leaves)", () => {
  it("accepts every generated proof, and no proof with any single bit flipped", () => {
    fc.assert(
      fc.property(treeAndIndex, ({ size, salt, index }) => {
        const claim = claimFor(leafHashesOf(size, salt), index);
        expect(verifyInclusionProof(claim)).toEqual({ ok: true });
        claim.proof.forEach((element, i) => {
          for (let bit = 0; bit < 256; bit += 1) {
            const proof = claim.proof.map((p, j) => (j === i ? flipBit(element, bit) : p));
            expect(verifyInclusionProof({ ...claim, proof })).toEqual({ ok: false, reason: "root-mismatch" });
          }
        });
        for (let bit = 0; bit < 256; bit += 1) {
          expect(verifyInclusionProof({ ...claim, leafHash: flipBit(claim.leafHash, bit) }).ok).toBe(false);
          expect(verifyInclusionProof({ ...claim, root: flipBit(claim.root, bit) }).ok).toBe(false);
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it("rejects the proof at every other index of the same tree", () => {
    fc.assert(
      fc.property(treeAndIndex, ({ size, salt, index }) => {
        const claim = claimFor(leafHashesOf(size, salt), index);
        for (let other = 0; other < size + 3; other += 1) {
          if (other === index) continue;
          expect(verifyInclusionProof({ ...claim, leafIndex: other }).ok, `index ${other}`).toBe(false);
        }
      }),
      { seed, numRuns: 100 },
    );
  });

  it("rejects the proof against the tree head of any other size", () => {
    fc.assert(
      fc.property(
        treeAndIndex,
        fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 6 }),
        ({ size, salt, index }, picks) => {
          const leafHashes = leafHashesOf(600, salt);
          const claim = claimFor(leafHashes, index, size);
          const others = [...picks, size - 1, size + 1, size * 2, Math.floor(size / 2), index + 1, 600];
          for (const other of others) {
            if (other === size || other <= index || other > 600) continue;
            // The signed (size, root) pair of the other tree head. Exact: accepted iff these hashes are the
            // genuine audit path there too, which never happens for a different size.
            const root = computeRoot(leafHashes.slice(0, other));
            const genuine = createInclusionProof(leafHashes, index, other);
            expect(
              genuine.length === claim.proof.length && genuine.every((g, i) => g.equals(claim.proof[i] as Buffer)),
            ).toBe(false);
            expect(verifyInclusionProof({ ...claim, treeSize: other, root }).ok, `size ${other}`).toBe(false);
          }
        },
      ),
      { seed, numRuns: 100 },
    );
  });

  it("rejects a changed size with the original root whenever the audit path shape differs", () => {
    // The size is authenticated by the signed tree head, not by the proof: with the *same* root, a
    // size whose audit path has the same length and shape recomputes the same root. Every size with
    // a different path length must fail, and it fails before any hashing.
    fc.assert(
      fc.property(treeAndIndex, ({ size, salt, index }) => {
        const claim = claimFor(leafHashesOf(size, salt), index);
        for (let other = index + 1; other <= 600; other += 1) {
          if (computeInclusionProofLength(index, other) === claim.proof.length) continue;
          const result = verifyInclusionProof({ ...claim, treeSize: other });
          expect(result.ok, `size ${other}`).toBe(false);
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it("binds the tree size only through the root: documented RFC 9162 behaviour", () => {
    // Leaf 0 has an audit path of the same shape in trees of 5..8 leaves, so the proof for size 8
    // also "verifies" as size 5 *against the root of size 8*. Such a (size, root) pair is never signed
    // together, which is why callers must take both from one signed tree head.
    const leafHashes = REFERENCE_LEAVES.map(hashLeaf);
    const claim = claimFor(leafHashes, 0, 8);
    expect(verifyInclusionProof({ ...claim, treeSize: 5 })).toEqual({ ok: true });
    expect(verifyInclusionProof({ ...claim, treeSize: 5, root: computeRoot(leafHashes.slice(0, 5)) }).ok).toBe(false);
  });

  it("rejects truncated, extended and reordered proofs", () => {
    fc.assert(
      fc.property(treeAndIndex, ({ size, salt, index }) => {
        const claim = claimFor(leafHashesOf(size, salt), index);
        const p = claim.proof;
        const extra = hashLeaf(Buffer.from("extra"));
        expect(verifyInclusionProof({ ...claim, proof: [...p, extra] })).toEqual({
          ok: false,
          reason: "proof-too-long",
        });
        expect(verifyInclusionProof({ ...claim, proof: [extra, ...p] })).toEqual({
          ok: false,
          reason: "proof-too-long",
        });
        if (p.length > 0) {
          expect(verifyInclusionProof({ ...claim, proof: p.slice(0, -1) })).toEqual({
            ok: false,
            reason: "proof-too-short",
          });
          expect(verifyInclusionProof({ ...claim, proof: p.slice(1) })).toEqual({
            ok: false,
            reason: "proof-too-short",
          });
        }
        if (p.length > 1) {
          const swapped = [p[1], p[0], ...p.slice(2)] as Buffer[];
          expect(verifyInclusionProof({ ...claim, proof: swapped })).toEqual({ ok: false, reason: "root-mismatch" });
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it("never throws and never accepts arbitrary input", () => {
    const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
    const anyBytes = fc.oneof(hash, fc.uint8Array({ maxLength: 40 }));
    const anything = fc.oneof(fc.anything(), anyBytes);
    const number = fc.oneof(
      fc.integer({ min: -3, max: 1000 }),
      fc.double(),
      fc.constant(2 ** 64),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(
        fc.record({
          leafHash: fc.oneof(anyBytes, anything),
          leafIndex: fc.oneof(number, anything),
          treeSize: fc.oneof(number, anything),
          proof: fc.oneof(fc.array(fc.oneof(hash, anyBytes, anything), { maxLength: 12 }), anything),
          root: fc.oneof(anyBytes, anything),
        }),
        (claim) => {
          const result = verifyInclusionProof(claim as unknown as InclusionProofClaim);
          expect(result.ok).toBe(false);
        },
      ),
      { seed, numRuns: 2000 },
    );
  });
});

describe("verifyInclusionProof rejects malformed input with a precise reason", () => {
  const leafHashes = leafHashesOf(7);
  const good = claimFor(leafHashes, 4);
  const h = (s: string) => hashLeaf(Buffer.from(s));
  const cases: [string, unknown, string][] = [
    ["claim is null", null, "invalid-claim"],
    ["negative index", { ...good, leafIndex: -1 }, "invalid-leaf-index"],
    ["fractional index", { ...good, leafIndex: 1.5 }, "invalid-leaf-index"],
    ["index beyond 2^53", { ...good, leafIndex: 2 ** 64 }, "invalid-leaf-index"],
    ["index as a string", { ...good, leafIndex: "4" }, "invalid-leaf-index"],
    ["index as a bigint", { ...good, leafIndex: 4n }, "invalid-leaf-index"],
    ["NaN size", { ...good, treeSize: Number.NaN }, "invalid-tree-size"],
    ["size 0", { ...good, leafIndex: 0, treeSize: 0, proof: [] }, "empty-tree"],
    ["index equal to size", { ...good, leafIndex: 7 }, "leaf-index-out-of-range"],
    ["index above size", { ...good, leafIndex: 9 }, "leaf-index-out-of-range"],
    ["leaf hash too short", { ...good, leafHash: Buffer.alloc(31) }, "invalid-leaf-hash"],
    ["leaf hash empty", { ...good, leafHash: Buffer.alloc(0) }, "invalid-leaf-hash"],
    ["leaf hash as a string", { ...good, leafHash: Buffer.from(good.leafHash).toString("hex") }, "invalid-leaf-hash"],
    ["root too long", { ...good, root: Buffer.alloc(33) }, "invalid-root"],
    ["root missing", { ...good, root: undefined }, "invalid-root"],
    ["proof not an array", { ...good, proof: "nope" }, "invalid-proof"],
    ["proof element empty", { ...good, proof: [...good.proof.slice(0, -1), Buffer.alloc(0)] }, "invalid-proof-element"],
    ["proof element null", { ...good, proof: [null, ...good.proof.slice(1)] }, "invalid-proof-element"],
    // eslint-disable-next-line no-sparse-arrays
    ["sparse proof", { ...good, proof: [, ...good.proof.slice(1)] }, "invalid-proof-element"],
    ["proof one short", { ...good, proof: good.proof.slice(1) }, "proof-too-short"],
    ["proof one long", { ...good, proof: [...good.proof, h("x")] }, "proof-too-long"],
    [
      "size-1 tree with a proof",
      { leafHash: good.leafHash, leafIndex: 0, treeSize: 1, proof: [h("x")], root: good.leafHash },
      "proof-too-long",
    ],
    ["wrong leaf", { ...good, leafHash: h("not in the tree") }, "root-mismatch"],
    ["wrong root", { ...good, root: computeRoot(leafHashes.slice(0, 6)) }, "root-mismatch"],
    ["empty-tree root", { ...good, root: computeRoot([]) }, "root-mismatch"],
  ];
  it.each(cases)("%s", (_name, claim, reason) => {
    expect(verifyInclusionProof(claim as InclusionProofClaim)).toEqual({ ok: false, reason });
  });

  it("accepts the untouched claim and a size-1 tree whose root is the leaf hash", () => {
    expect(verifyInclusionProof(good)).toEqual({ ok: true });
    const only = h("only");
    expect(verifyInclusionProof({ leafHash: only, leafIndex: 0, treeSize: 1, proof: [], root: only })).toEqual({
      ok: true,
    });
  });
});
