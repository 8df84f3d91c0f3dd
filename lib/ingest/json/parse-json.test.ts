import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "./parse-embedded-json.ts";
import { parseJsonBytes } from "./parse-json-bytes.ts";
import { parseJsonLines } from "./parse-json-lines.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : `not an AppError: ${String(error)}`;
  }
  return undefined;
};

describe("JSON evidence parsing under limits", () => {
  it("drops prototype-polluting keys from the parsed copy, so a later merge cannot reach a prototype", () => {
    const parsed: Record<string, unknown> = parseJsonBytes(
      bytes('{"a":1,"__proto__":{"polluted":true},"b":{"constructor":{"prototype":{"x":1}},"c":2}}'),
    ) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 1, b: { c: 2 } });
    const merged: Record<string, unknown> = { ...parsed };
    expect(merged.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses deep nesting before parsing, without a stack overflow, and counts brackets in strings as text", () => {
    expect(codeOf(() => parseJsonBytes(bytes("[".repeat(100_000) + "]".repeat(100_000))))).toMatch(
      /^bad_request: .*deeper than 64/,
    );
    expect(parseJsonBytes(bytes(`{"s":"${"[".repeat(500)}"}`))).toEqual({ s: "[".repeat(500) });
    expect(parseJsonBytes(bytes("[".repeat(64) + "]".repeat(64)))).toBeDefined();
  });

  it("refuses objects with too many keys, invalid UTF-8, empty and malformed bodies with a 400 naming the problem", () => {
    const many = `{${Array.from({ length: 10_001 }, (_, i) => `"k${i}":0`).join(",")}}`;
    expect(codeOf(() => parseJsonBytes(bytes(many)))).toMatch(/^bad_request: .*more than 10000 keys/);
    expect(codeOf(() => parseJsonBytes(new Uint8Array([0x22, 0xc3, 0x28, 0x22])))).toMatch(
      /^bad_request: .*not valid UTF-8/,
    );
    expect(codeOf(() => parseJsonBytes(bytes("  ")))).toMatch(/^bad_request: .*empty/);
    expect(codeOf(() => parseJsonBytes(bytes('{"a":')))).toMatch(/^bad_request: .*not valid JSON/);
  });

  it("reads JSON Lines, skipping blank lines, and names the bad line", () => {
    expect(parseJsonLines(bytes('{"a":1}\n\n{"b":2}\r\n'))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(codeOf(() => parseJsonLines(bytes('{"a":1}\n{oops}\n')))).toMatch(/line 2/);
  });

  it("unwraps JSON encoded as a string inside JSON, and leaves other strings alone", () => {
    expect(parseEmbeddedJson('{"user":"x"}')).toEqual({ user: "x" });
    expect(parseEmbeddedJson("[1,2]")).toEqual([1, 2]);
    expect(parseEmbeddedJson("{not json}")).toBe("{not json}");
    expect(parseEmbeddedJson("plain")).toBe("plain");
    expect(parseEmbeddedJson(5)).toBe(5);
  });
});
