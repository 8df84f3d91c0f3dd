// Consistency proofs: creation against the recursive RFC 6962 definition, verification with fixed-seed
// properties (fast-check) and every malformed input we can name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeConsistencyProofLength } from "./compute-consistency-proof-length.ts";
import { computeRoot } from "./compute-root.ts";
import { createConsistencyProof } from "./create-consistency-proof.ts";
import { hashLeaf } from "./hash-leaf.ts";
import { flipBit, REFERENCE_LEAVES, REFERENCE_ROOTS_HEX, referenceProof } from "./merkle-test-fixture.ts";
import type { ConsistencyProofClaim } from "./verify-consistency-proof.ts";
import { verifyConsistencyProof } from "./verify-consistency-proof.ts";

const seed = 20261124;
console.log("fast-check seed", seed);

const leafHashesOf = (count: number, salt = "t") =>
  Array.from({ length: count }, (_, i) => hashLeaf(Buffer.from(`${salt}:${i}`)));

/** A random log of 1..300 distinct leaves and an earlier size 1 <= oldSize <= newSize. */
const twoSizes = fc
  .record({ newSize: fc.integer({ min: 1, max: 300 }), salt: fc.string({ maxLength: 8 }) })
  .chain(({ newSize, salt }) =>
    fc.record({
      newSize: fc.constant(newSize),
      salt: fc.constant(salt),
      oldSize: fc.integer({ min: 1, max: newSize }),
    }),
  );

function claimFor(leafHashes: Buffer[], oldSize: number, newSize: number): ConsistencyProofClaim {
  return {
    oldSize,
    newSize,
    oldRoot: computeRoot(leafHashes.slice(0, oldSize)),
    newRoot: computeRoot(leafHashes.slice(0, newSize)),
    proof: createConsistencyProof(leafHashes, oldSize, newSize),
  };
}

describe("createConsistencyProof", () => {
  it("equals PROOF(m, D[n]) of RFC 6962 §2.1.2 for every 1 <= m <= n <= 64", () => {
    const leafHashes = leafHashesOf(64);
    for (let n = 1; n <= 64; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const proof = createConsistencyProof(leafHashes, m, n);
        expect(proof, `m=${m} n=${n}`).toEqual(referenceProof(m, leafHashes.slice(0, n)));
        expect(computeConsistencyProofLength(m, n)).toBe(proof.length);
      }
    }
  });

  it("proves every pair of sizes of the reference tree against its known roots", () => {
    const leafHashes = REFERENCE_LEAVES.map(hashLeaf);
    const root = (n: number) => Buffer.from(REFERENCE_ROOTS_HEX[n] as string, "hex");
    for (let n = 1; n <= 8; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const proof = createConsistencyProof(leafHashes, m, n);
        expect(
          verifyConsistencyProof({ oldSize: m, newSize: n, oldRoot: root(m), newRoot: root(n), proof }),
          `${m}->${n}`,
        ).toEqual({
          ok: true,
        });
      }
    }
  });

  it("refuses sizes outside 1 <= oldSize <= newSize <= leaves", () => {
    const leafHashes = leafHashesOf(5);
    expect(() => createConsistencyProof(leafHashes, 0)).toThrow(RangeError);
    expect(() => createConsistencyProof(leafHashes, 6)).toThrow(RangeError);
    expect(() => createConsistencyProof(leafHashes, 3, 2)).toThrow(RangeError);
    expect(() => createConsistencyProof(leafHashes, 1, 6)).toThrow(RangeError);
    expect(() => createConsistencyProof(leafHashes, 1.5)).toThrow(RangeError);
    expect(() => createConsistencyProof([], 0, 0)).toThrow(RangeError);
  });

  it("is empty for equal sizes", () => {
    expect(createConsistencyProof(leafHashesOf(9), 9)).toEqual([]);
  });
});

describe("verifyConsistencyProof properties (random logs up to 300 leaves)", () => {
  it("accepts every generated proof, and no proof with any single bit flipped", () => {
    fc.assert(
      fc.property(twoSizes, ({ newSize, salt, oldSize }) => {
        const claim = claimFor(leafHashesOf(newSize, salt), oldSize, newSize);
        expect(verifyConsistencyProof(claim)).toEqual({ ok: true });
        claim.proof.forEach((element, i) => {
          for (let bit = 0; bit < 256; bit += 1) {
            const proof = claim.proof.map((p, j) => (j === i ? flipBit(element, bit) : p));
            expect(verifyConsistencyProof({ ...claim, proof }).ok).toBe(false);
          }
        });
        for (let bit = 0; bit < 256; bit += 1) {
          expect(verifyConsistencyProof({ ...claim, oldRoot: flipBit(claim.oldRoot, bit) }).ok).toBe(false);
          expect(verifyConsistencyProof({ ...claim, newRoot: flipBit(claim.newRoot, bit) }).ok).toBe(false);
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it("rejects the proof against the tree heads of any other pair of sizes (unless both are equal-size trivial claims)", () => {
    fc.assert(
      fc.property(
        twoSizes,
        fc.array(fc.tuple(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 })), { maxLength: 6 }),
        ({ newSize, salt, oldSize }, picks) => {
          const leafHashes = leafHashesOf(600, salt);
          const claim = claimFor(leafHashes, oldSize, newSize);
          const others: [number, number][] = [
            ...picks,
            [oldSize - 1, newSize],
            [oldSize + 1, newSize],
            [oldSize ^ 2, newSize],
            [oldSize, newSize * 2],
            [oldSize, Math.floor(newSize / 2)],
            [oldSize, newSize + 1],
            [oldSize, 600],
          ];
          for (const [m, n] of others) {
            if ((m === oldSize && n === newSize) || m < 1 || m > n || n > 600) continue;
            // The signed (size, root) pairs of the other tree heads.
            const oldRoot = computeRoot(leafHashes.slice(0, m));
            const newRoot = computeRoot(leafHashes.slice(0, n));
            // Exact: accepted iff these hashes are the genuine proof for (m, n). That only happens when
            // both proofs are empty (equal sizes), never for a non-empty proof.
            const genuine = createConsistencyProof(leafHashes, m, n);
            const expected =
              genuine.length === claim.proof.length && genuine.every((g, i) => g.equals(claim.proof[i] as Buffer));
            expect(expected).toBe(claim.proof.length === 0 && m === n);
            expect(
              verifyConsistencyProof({ ...claim, oldSize: m, newSize: n, oldRoot, newRoot }).ok,
              `${m}->${n}`,
            ).toBe(expected);
          }
        },
      ),
      { seed, numRuns: 100 },
    );
  });

  it("rejects changed sizes with the original roots whenever the proof shape differs", () => {
    // As for inclusion proofs, sizes are authenticated by the signed tree heads; with the *same* roots,
    // sizes whose proof has the same length and shape recompute the same roots.
    fc.assert(
      fc.property(twoSizes, ({ newSize, salt, oldSize }) => {
        const claim = claimFor(leafHashesOf(newSize, salt), oldSize, newSize);
        for (let n = oldSize; n <= 400; n += 1) {
          if (n === newSize || computeConsistencyProofLength(oldSize, n) === claim.proof.length) continue;
          expect(verifyConsistencyProof({ ...claim, newSize: n }).ok, `new size ${n}`).toBe(false);
        }
        for (let m = 1; m <= newSize; m += 1) {
          if (m === oldSize || computeConsistencyProofLength(m, newSize) === claim.proof.length) continue;
          expect(verifyConsistencyProof({ ...claim, oldSize: m }).ok, `old size ${m}`).toBe(false);
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it("binds the sizes only through the roots: documented RFC 9162 behaviour", () => {
    // The proof from size 1 to size 8 has the same shape as from 1 to 5, so it "verifies" as 1 -> 5
    // *against the root of size 8*; with the root of size 5 it fails. Take sizes and roots from signed
    // tree heads.
    const leafHashes = REFERENCE_LEAVES.map(hashLeaf);
    const claim = claimFor(leafHashes, 1, 8);
    expect(verifyConsistencyProof({ ...claim, newSize: 5 })).toEqual({ ok: true });
    expect(verifyConsistencyProof({ ...claim, newSize: 5, newRoot: computeRoot(leafHashes.slice(0, 5)) }).ok).toBe(
      false,
    );
  });

  it("rejects truncated, extended and swapped proofs and swapped roots", () => {
    fc.assert(
      fc.property(twoSizes, ({ newSize, salt, oldSize }) => {
        const claim = claimFor(leafHashesOf(newSize, salt), oldSize, newSize);
        const p = claim.proof;
        const extra = hashLeaf(Buffer.from("extra"));
        expect(verifyConsistencyProof({ ...claim, proof: [...p, extra] })).toEqual({
          ok: false,
          reason: "proof-too-long",
        });
        expect(verifyConsistencyProof({ ...claim, proof: [claim.oldRoot, ...p] })).toEqual({
          ok: false,
          reason: "proof-too-long",
        });
        if (p.length > 0) {
          expect(verifyConsistencyProof({ ...claim, proof: p.slice(0, -1) })).toEqual({
            ok: false,
            reason: "proof-too-short",
          });
          expect(verifyConsistencyProof({ ...claim, proof: [] })).toEqual({ ok: false, reason: "proof-too-short" });
        }
        if (p.length > 1) {
          const swapped = [p[1], p[0], ...p.slice(2)] as Buffer[];
          expect(verifyConsistencyProof({ ...claim, proof: swapped }).ok).toBe(false);
        }
        if (oldSize !== newSize) {
          expect(verifyConsistencyProof({ ...claim, oldRoot: claim.newRoot, newRoot: claim.oldRoot }).ok).toBe(false);
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
          oldSize: fc.oneof(number, anything),
          newSize: fc.oneof(number, anything),
          oldRoot: fc.oneof(anyBytes, anything),
          newRoot: fc.oneof(anyBytes, anything),
          proof: fc.oneof(fc.array(fc.oneof(hash, anyBytes, anything), { maxLength: 12 }), anything),
        }),
        (claim) => {
          const c = claim as unknown as ConsistencyProofClaim;
          const result = verifyConsistencyProof(c);
          // Equal sizes with equal 32-byte roots and no proof is the one consistent claim random input can hit.
          const trivial =
            c.oldSize === c.newSize &&
            Number.isSafeInteger(c.oldSize) &&
            c.oldSize > 0 &&
            Array.isArray(c.proof) &&
            c.proof.length === 0 &&
            c.oldRoot instanceof Uint8Array &&
            c.oldRoot.length === 32 &&
            c.newRoot instanceof Uint8Array &&
            Buffer.compare(c.oldRoot, c.newRoot) === 0;
          expect(result.ok).toBe(trivial);
        },
      ),
      { seed, numRuns: 2000 },
    );
  });
});

describe("verifyConsistencyProof rejects malformed input with a precise reason", () => {
  const leafHashes = leafHashesOf(7);
  const good = claimFor(leafHashes, 3, 7);
  const h = (s: string) => hashLeaf(Buffer.from(s));
  const root = (n: number) => computeRoot(leafHashes.slice(0, n));
  const cases: [string, unknown, string][] = [
    ["claim is undefined", undefined, "invalid-claim"],
    ["negative old size", { ...good, oldSize: -1 }, "invalid-old-size"],
    ["fractional old size", { ...good, oldSize: 2.5 }, "invalid-old-size"],
    ["old size beyond 2^53", { ...good, oldSize: 2 ** 64 }, "invalid-old-size"],
    ["new size as a string", { ...good, newSize: "7" }, "invalid-new-size"],
    ["new size Infinity", { ...good, newSize: Number.POSITIVE_INFINITY }, "invalid-new-size"],
    ["old size 0", { ...good, oldSize: 0 }, "old-size-zero"],
    [
      "both sizes 0, empty-tree roots, no proof",
      { oldSize: 0, newSize: 0, oldRoot: root(0), newRoot: root(0), proof: [] },
      "old-size-zero",
    ],
    ["old size 0 with the empty-tree root", { ...good, oldSize: 0, oldRoot: root(0) }, "old-size-zero"],
    ["old size above new size", { ...good, oldSize: 8 }, "old-size-greater-than-new-size"],
    ["new size 0", { ...good, newSize: 0 }, "old-size-greater-than-new-size"],
    ["old root too short", { ...good, oldRoot: Buffer.alloc(12) }, "invalid-old-root"],
    ["new root missing", { ...good, newRoot: null }, "invalid-new-root"],
    ["proof not an array", { ...good, proof: { 0: good.proof[0], length: 1 } }, "invalid-proof"],
    ["proof element too long", { ...good, proof: [Buffer.alloc(64), ...good.proof.slice(1)] }, "invalid-proof-element"],
    ["proof one short", { ...good, proof: good.proof.slice(1) }, "proof-too-short"],
    ["empty proof for different sizes", { ...good, proof: [] }, "proof-too-short"],
    ["proof one long", { ...good, proof: [...good.proof, h("x")] }, "proof-too-long"],
    [
      "equal sizes with a proof",
      { oldSize: 7, newSize: 7, oldRoot: root(7), newRoot: root(7), proof: [h("x")] },
      "proof-too-long",
    ],
    [
      "equal sizes, different roots",
      { oldSize: 7, newSize: 7, oldRoot: root(7), newRoot: root(6), proof: [] },
      "new-root-mismatch",
    ],
    ["old root of another size", { ...good, oldRoot: root(2) }, "old-root-mismatch"],
    ["new root of another size", { ...good, newRoot: root(6) }, "new-root-mismatch"],
    [
      "a proof from another log",
      { ...good, proof: createConsistencyProof(leafHashesOf(7, "other"), 3, 7) },
      "old-root-mismatch",
    ],
  ];
  it.each(cases)("%s", (_name, claim, reason) => {
    expect(verifyConsistencyProof(claim as ConsistencyProofClaim)).toEqual({ ok: false, reason });
  });

  it("accepts the untouched claim and equal sizes with equal roots and no proof", () => {
    expect(verifyConsistencyProof(good)).toEqual({ ok: true });
    expect(verifyConsistencyProof({ oldSize: 7, newSize: 7, oldRoot: root(7), newRoot: root(7), proof: [] })).toEqual({
      ok: true,
    });
  });
});
