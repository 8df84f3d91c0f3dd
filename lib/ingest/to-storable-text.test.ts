import { describe, expect, it } from "vitest";
import { toStorableJson } from "./to-storable-json.ts";
import { toStorableText } from "./to-storable-text.ts";

describe("toStorableText / toStorableJson", () => {
  it("removes NUL and replaces unpaired surrogates, keeping every other character (pairs included)", () => {
    expect(toStorableText("a\u0000b")).toBe("ab");
    expect(toStorableText("x\ud800y\udfffz")).toBe("x\ufffdy\ufffdz");
    expect(toStorableText("漢字 😀 نص")).toBe("漢字 😀 نص");
  });

  it("does so for every string of a JSON value, keys included", () => {
    expect(toStorableJson({ "k\u0000": ["v\ud800", 1, null, { n: "\u0000" }] })).toEqual({
      k: ["v\ufffd", 1, null, { n: "" }],
    });
  });
});
