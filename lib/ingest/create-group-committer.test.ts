import { describe, expect, it } from "vitest";
import { createGroupCommitter } from "./create-group-committer.ts";

describe("createGroupCommitter", () => {
  it("commits the first item alone, then what arrived meanwhile together, each getting its own result", async () => {
    const batches: number[][] = [];
    const submit = createGroupCommitter(async (items: readonly number[]) => {
      batches.push([...items]);
      await new Promise((r) => setTimeout(r, 10));
      return items.map((n) => n * 2);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => submit(n)));
    expect(results).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("a failed batch rejects its own items only, and the next batch still runs", async () => {
    const submit = createGroupCommitter(async (items: readonly number[]) => {
      await Promise.resolve();
      if (items.includes(2)) throw new Error("refused");
      return items.map(String);
    }, 2);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => submit(n)));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
  });
});
