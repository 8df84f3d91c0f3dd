import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeRangeRoot } from "./compute-range-root.ts";
import { computeRoot } from "./compute-root.ts";
import { findSplitPoint } from "./find-split-point.ts";
import { hashChildren } from "./hash-children.ts";
import { hashLeaf } from "./hash-leaf.ts";
import { REFERENCE_LEAVES, REFERENCE_ROOTS_HEX, referenceMth } from "./merkle-test-fixture.ts";

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};
const leafHashesOf = (count: number, salt = "t") =>
  Array.from({ length: count }, (_, i) => hashLeaf(Buffer.from(`${salt}:${i}`)));

describe("hashLeaf and hashChildren (RFC 6962 §2.1)", () => {
  it("prefixes leaves with 0x00 and nodes with 0x01", () => {
    const a = hashLeaf(Buffer.from("a"));
    const b = hashLeaf(Buffer.from("b"));
    expect(a).toEqual(sha256(Buffer.from([0]), Buffer.from("a")));
    expect(hashChildren(a, b)).toEqual(sha256(Buffer.from([1]), a, b));
    expect(hashChildren(a, b)).not.toEqual(hashChildren(b, a));
  });

  it("matches known answers", () => {
    // Leaf hash of the empty leaf = root of the 1-leaf reference tree.
    expect(hashLeaf(Buffer.alloc(0)).toString("hex")).toBe(REFERENCE_ROOTS_HEX[1]);
    // transparency-dev/merkle's single-entry vectors use hashLeaf("data").
    expect(hashLeaf(Buffer.from("data")).toString("base64")).toBe("DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=");
  });

  it("refuses children that are not 32-byte hashes", () => {
    const h = hashLeaf(Buffer.from("x"));
    expect(() => hashChildren(h.subarray(1), h)).toThrow(TypeError);
    expect(() => hashChildren(h, Buffer.concat([h, Buffer.from([0])]))).toThrow(TypeError);
  });
});

describe("computeRoot", () => {
  it("gives SHA-256 of the empty string for the empty tree", () => {
    expect(computeRoot([])).toEqual(sha256());
  });

  it("reproduces the known roots of the RFC 6962 reference tree for every size 0..8", () => {
    const leafHashes = REFERENCE_LEAVES.map(hashLeaf);
    for (let n = 0; n <= 8; n += 1) {
      expect(computeRoot(leafHashes.slice(0, n)).toString("hex"), `size ${n}`).toBe(REFERENCE_ROOTS_HEX[n]);
    }
  });

  it("equals the recursive definition for every size up to 300", () => {
    const leafHashes = leafHashesOf(300);
    for (let n = 0; n <= 300; n += 1) {
      expect(computeRoot(leafHashes.slice(0, n)), `size ${n}`).toEqual(referenceMth(leafHashes.slice(0, n)));
    }
  });

  it("streams from any iterable, e.g. a generator over storage (100 003 leaves)", () => {
    const count = 100_003;
    function* leaves() {
      for (let i = 0; i < count; i += 1) yield hashLeaf(Buffer.from(`big:${i}`));
    }
    const streamed = computeRoot(leaves());
    expect(streamed).toEqual(referenceMth([...leaves()]));
  });

  it("refuses leaf hashes that are not 32 bytes", () => {
    expect(() => computeRoot([hashLeaf(Buffer.from("a")), Buffer.alloc(31)])).toThrow(TypeError);
  });

  it("does not keep references to the caller's buffers", () => {
    const one = hashLeaf(Buffer.from("only"));
    const root = computeRoot([one]);
    expect(root).toEqual(one);
    one.fill(0);
    expect(root).not.toEqual(one);
  });
});

describe("computeRangeRoot", () => {
  it("equals MTH of the slice for every range of a 33-leaf list", () => {
    const leafHashes = leafHashesOf(33, "range");
    for (let start = 0; start <= 33; start += 1) {
      for (let end = start; end <= 33; end += 1) {
        expect(computeRangeRoot(leafHashes, start, end)).toEqual(referenceMth(leafHashes.slice(start, end)));
      }
    }
  });

  it("refuses ranges outside the list", () => {
    const leafHashes = leafHashesOf(4);
    for (const [s, e] of [
      [-1, 2],
      [3, 2],
      [0, 5],
      [0.5, 2],
      [0, Number.NaN],
    ] as const) {
      expect(() => computeRangeRoot(leafHashes, s, e), `[${s}, ${e})`).toThrow(RangeError);
    }
  });
});

describe("findSplitPoint", () => {
  it("is the largest power of two strictly below n", () => {
    expect([2, 3, 4, 5, 8, 9, 1000].map(findSplitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512]);
    expect(findSplitPoint(2 ** 52 + 1)).toBe(2 ** 52);
    expect(findSplitPoint(Number.MAX_SAFE_INTEGER)).toBe(2 ** 52);
  });

  it("refuses sizes below 2 and non-integers", () => {
    for (const n of [0, 1, -4, 2.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => findSplitPoint(n), String(n)).toThrow(RangeError);
    }
  });
});
