import { describe, expect, it } from "vitest";
import { createRootAccumulator } from "./create-root-accumulator.ts";
import { referenceMth } from "./merkle-test-fixture.ts";
import { hashLeaf } from "./hash-leaf.ts";

describe("createRootAccumulator", () => {
  it("gives, after every push, the same RFC 6962 root as the recursive definition (MTH) of that prefix (sizes 0 to 300)", () => {
    const leaves = Array.from({ length: 300 }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
    const acc = createRootAccumulator();
    expect(acc.root()).toEqual(referenceMth([]));
    leaves.forEach((leaf, i) => {
      acc.push(leaf);
      expect(acc.size()).toBe(i + 1);
      expect(acc.root().toString("hex"), `size ${i + 1}`).toBe(referenceMth(leaves.slice(0, i + 1)).toString("hex"));
    });
  });
});
