// The public test vectors of transparency-dev/merkle (Apache-2.0), copied byte for byte into
// ./testdata (see testdata/README.md): every valid vector verifies, every invalid one is rejected, and
// proof generation reproduces the valid proofs from the leaves they were made from.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { computeRoot } from "./compute-root.ts";
import { createConsistencyProof } from "./create-consistency-proof.ts";
import { createInclusionProof } from "./create-inclusion-proof.ts";
import { hashLeaf } from "./hash-leaf.ts";
import { REFERENCE_LEAVES } from "./merkle-test-fixture.ts";
import { verifyConsistencyProof } from "./verify-consistency-proof.ts";
import { verifyInclusionProof } from "./verify-inclusion-proof.ts";

const testdata = fileURLToPath(new URL("./testdata/", import.meta.url));

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJson(path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

/**
 * JSON.parse keeping integers exact: the vectors hold uint64 values such as 2^64 - 1, which a plain
 * parse would round. Integers become bigints (via the reviver's source text), checked by the schemas.
 */
function parseExact(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === "number" && context?.source !== undefined && /^-?\d+$/.test(context.source)
      ? BigInt(context.source)
      : value,
  );
}

/** A uint64 from a vector, as the number our API takes (values above 2^53 stay unsafe and must be rejected). */
const uint = z
  .bigint()
  .min(0n)
  .max(2n ** 64n - 1n)
  .transform((v) => Number(v));
const base64 = z.string().transform((s) => Buffer.from(s, "base64"));
const proofList = z
  .array(base64)
  .nullable()
  .transform((p) => p ?? []);

// Older vector files name the index `leafIndex`, newer ones `leafIdx`; both are accepted.
const inclusionVector = z
  .strictObject({
    leafIdx: uint.optional(),
    leafIndex: uint.optional(),
    treeSize: uint,
    root: base64,
    leafHash: base64,
    proof: proofList,
    desc: z.string(),
    wantErr: z.boolean(),
  })
  .transform(({ leafIdx, leafIndex, ...rest }) => ({ ...rest, leafIdx: leafIdx ?? leafIndex }))
  .refine((v) => v.leafIdx !== undefined, "leafIdx or leafIndex is required");

const consistencyVector = z.strictObject({
  size1: uint,
  size2: uint,
  root1: base64,
  root2: base64,
  proof: proofList,
  desc: z.string(),
  wantErr: z.boolean(),
});

const load = <T>(kind: "inclusion" | "consistency", schema: z.ZodType<T>) =>
  listJson(join(testdata, kind))
    .map((path) => ({ file: relative(testdata, path), vector: schema.parse(parseExact(readFileSync(path, "utf8"))) }))
    .sort((a, b) => a.file.localeCompare(b.file));

const inclusion = load("inclusion", inclusionVector);
const consistency = load("consistency", consistencyVector);

/**
 * Deliberate deviations from a vector's `wantErr`, each with the reason we give instead.
 * `sizes-are-equal-one-and-proof-is-empty` expects success for equal sizes, an empty proof and two
 * equal 12-byte "roots" ("don't care 2"). A root that is not 32 bytes cannot be a SHA-256 tree head,
 * so we reject it as malformed rather than compare it.
 */
const DEVIATIONS: Record<string, string> = {
  "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json": "invalid-old-root",
};

describe("transparency-dev/merkle vectors", () => {
  it("are all present (64 inclusion, 98 consistency)", () => {
    expect(inclusion).toHaveLength(64);
    expect(consistency).toHaveLength(98);
    expect(inclusion.filter((v) => !v.vector.wantErr).length).toBe(6);
    expect(consistency.filter((v) => !v.vector.wantErr).length).toBe(6);
  });

  it.each(inclusion)("inclusion $file", ({ file, vector }) => {
    const result = verifyInclusionProof({
      leafHash: vector.leafHash,
      leafIndex: vector.leafIdx as number,
      treeSize: vector.treeSize,
      proof: vector.proof,
      root: vector.root,
    });
    const deviation = DEVIATIONS[file];
    if (deviation !== undefined) expect(result).toEqual({ ok: false, reason: deviation });
    else if (vector.wantErr) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true });
  });

  it.each(consistency)("consistency $file", ({ file, vector }) => {
    const result = verifyConsistencyProof({
      oldSize: vector.size1,
      newSize: vector.size2,
      oldRoot: vector.root1,
      newRoot: vector.root2,
      proof: vector.proof,
    });
    const deviation = DEVIATIONS[file];
    if (deviation !== undefined) expect(result).toEqual({ ok: false, reason: deviation });
    else if (vector.wantErr) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true });
  });

  // The numbered directories are built from the RFC 6962 reference tree (transparency-dev's proofgen
  // uses its leaves and roots), so our generator must reproduce them exactly from those leaves.
  const leafHashes = REFERENCE_LEAVES.map(hashLeaf);
  const numbered = (file: string) => /^(inclusion|consistency)\/\d+\/happy-path\.json$/.test(file);

  it.each(inclusion.filter((v) => numbered(v.file)))("generation reproduces $file", ({ vector }) => {
    const index = vector.leafIdx as number;
    expect(vector.leafHash).toEqual(leafHashes[index]);
    expect(vector.root).toEqual(computeRoot(leafHashes.slice(0, vector.treeSize)));
    expect(createInclusionProof(leafHashes, index, vector.treeSize)).toEqual(vector.proof);
  });

  it.each(consistency.filter((v) => numbered(v.file)))("generation reproduces $file", ({ vector }) => {
    expect(vector.root1).toEqual(computeRoot(leafHashes.slice(0, vector.size1)));
    expect(vector.root2).toEqual(computeRoot(leafHashes.slice(0, vector.size2)));
    expect(createConsistencyProof(leafHashes, vector.size1, vector.size2)).toEqual(vector.proof);
  });

  it("covers every happy path of the numbered directories (5 inclusion, 5 consistency)", () => {
    expect(inclusion.filter((v) => numbered(v.file)).length).toBe(5);
    expect(consistency.filter((v) => numbered(v.file)).length).toBe(5);
  });
});
