import { describe, expect, it } from "vitest";
import { jsonPreviewTokens } from "./json-preview-tokens.ts";
import { tokenizeJson } from "./tokenize-json.ts";

const join = (tokens: { text: string }[]) => tokens.map((t) => t.text).join("");

describe("tokenizeJson", () => {
  it("tells keys from strings and keeps the exact text", () => {
    const text = '{"a" : "b\\"c", "n": -1.5e3, "t": [true, null]}';
    const tokens = tokenizeJson(text);
    expect(join(tokens)).toBe(text);
    expect(tokens.filter((t) => t.kind === "key").map((t) => t.text)).toEqual(['"a"', '"n"', '"t"']);
    expect(tokens.filter((t) => t.kind === "string").map((t) => t.text)).toEqual(['"b\\"c"']);
    expect(tokens.filter((t) => t.kind === "number").map((t) => t.text)).toEqual(["-1.5e3"]);
    expect(tokens.filter((t) => t.kind === "literal").map((t) => t.text)).toEqual(["true", "null"]);
  });

  it("never throws on text that is not JSON, and stops highlighting after maxTokens", () => {
    const text = '<script>alert("x")</script> "unterminated';
    expect(join(tokenizeJson(text))).toBe(text);
    const many = "[1,2,3,4,5,6,7,8,9]";
    const capped = tokenizeJson(many, 4);
    expect(join(capped)).toBe(many);
    expect(capped.at(-1)).toEqual({ kind: "plain", text: many.slice(4) });
  });
});

describe("jsonPreviewTokens", () => {
  it("re-indents a one-line document without changing any value", () => {
    const text = '{"big":12345678901234567890,"a":[],"o":{},"d":"x","d":"y"}';
    const { tokens, reindented } = jsonPreviewTokens(text, true);
    expect(reindented).toBe(true);
    expect(join(tokens)).toBe('{\n  "big": 12345678901234567890,\n  "a": [],\n  "o": {},\n  "d": "x",\n  "d": "y"\n}');
  });

  it("shows JSON Lines, cut-off previews and non-JSON as they are", () => {
    for (const [text, complete] of [
      ['{"a":1}\n{"b":2}\n', true],
      ['{"a":1', false],
      ["hello world", true],
    ] as const) {
      const { tokens, reindented } = jsonPreviewTokens(text, complete);
      expect(reindented).toBe(false);
      expect(join(tokens)).toBe(text);
    }
  });
});
