import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createRootAccumulator } from "./create-root-accumulator.ts";
import { computeRoot } from "./merkle/compute-root.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";

describe("createRootAccumulator", () => {
  it("gives, after every push, the same RFC 6962 root as computeRoot over that prefix (sizes 0 to 300)", () => {
    const empty = createHash("sha256").digest();
    const leaves = Array.from({ length: 300 }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
    const acc = createRootAccumulator(empty);
    expect(acc.root()).toEqual(computeRoot([]));
    leaves.forEach((leaf, i) => {
      acc.push(leaf);
      expect(acc.size()).toBe(i + 1);
      expect(acc.root().toString("hex"), `size ${i + 1}`).toBe(computeRoot(leaves.slice(0, i + 1)).toString("hex"));
    });
  });
});
