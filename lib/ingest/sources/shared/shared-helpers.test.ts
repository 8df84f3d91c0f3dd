import { describe, expect, it } from "vitest";
import type { NormalizedFinding } from "../../source-adapter.ts";
import { asRecord } from "./as-record.ts";
import { compactAttributes } from "./compact-attributes.ts";
import { isHttpLink } from "./is-http-link.ts";
import { isRecord } from "./is-record.ts";
import { keepHttpLinks } from "./keep-http-links.ts";
import { makeKeysUnique } from "./make-keys-unique.ts";
import { normalizeHttpLinks } from "./normalize-http-links.ts";
import { readNumber } from "./read-number.ts";
import { readString } from "./read-string.ts";
import { readText } from "./read-text.ts";
import { takeNumberedKey } from "./take-numbered-key.ts";
import { takeUniqueKey } from "./take-unique-key.ts";
import { toIsoTime } from "./to-iso-time.ts";
import { truncateText } from "./truncate-text.ts";

const local = (...parts: [number, number, number, number, number, number]) => new Date(...parts).toISOString();

function finding(key: string): NormalizedFinding {
  return {
    key,
    subject: { kind: "other", name: "x" },
    check: "event",
    outcome: "info",
    severity: null,
    title: key,
    observedAt: null,
    links: [],
    attributes: {},
  };
}

describe("isRecord / asRecord", () => {
  it("accept plain objects only", () => {
    for (const value of [{}, { a: 1 }, Object.create(null) as object]) {
      expect(isRecord(value)).toBe(true);
      expect(asRecord(value)).toBe(value);
    }
    for (const value of [null, undefined, [], [1], "x", 1, true]) {
      expect(isRecord(value)).toBe(false);
      expect(asRecord(value)).toBeNull();
    }
  });
});

describe("readText / readString", () => {
  it("keep non-blank strings as sent (untrimmed) and drop blank ones", () => {
    expect(readText(" a ")).toBe(" a ");
    expect(readString(" a ")).toBe(" a ");
    for (const blank of ["", " ", "\n\t"]) {
      expect(readText(blank)).toBeNull();
      expect(readString(blank)).toBeNull();
    }
  });

  it("readText also reads finite numbers as text; readString does not", () => {
    expect(readText(0)).toBe("0");
    expect(readText(1.5)).toBe("1.5");
    expect(readText(1e21)).toBe("1e+21");
    expect(readString(0)).toBeNull();
    for (const value of [Number.NaN, Infinity, -Infinity]) expect(readText(value)).toBeNull();
  });

  it("read nothing else", () => {
    for (const value of [null, undefined, true, {}, ["a"]]) {
      expect(readText(value)).toBeNull();
      expect(readString(value)).toBeNull();
    }
  });
});

describe("readNumber", () => {
  it("reads finite numbers only, by default", () => {
    expect(readNumber(0)).toBe(0);
    expect(readNumber(-2.5)).toBe(-2.5);
    for (const value of [Number.NaN, Infinity, "3", true, null, undefined, {}]) expect(readNumber(value)).toBeNull();
  });

  it("with strings: true, reads any non-blank text Number() reads as finite", () => {
    const options = { strings: true };
    expect(readNumber(" 12 ", options)).toBe(12);
    expect(readNumber("1e3", options)).toBe(1000);
    expect(readNumber("0x1F", options)).toBe(31);
    expect(readNumber("-4.5", options)).toBe(-4.5);
    for (const value of ["", "  ", "12abc", "Infinity", "1e999"]) expect(readNumber(value, options)).toBeNull();
  });

  it("with a pattern, reads only text whose trimmed form matches it", () => {
    const unsigned = { strings: /^\d+(\.\d+)?$/ };
    expect(readNumber("429", unsigned)).toBe(429);
    expect(readNumber(" 0.5 ", unsigned)).toBe(0.5);
    expect(readNumber(429, unsigned)).toBe(429);
    for (const value of ["-1", "1e3", "0x1F", "", "4 2"]) expect(readNumber(value, unsigned)).toBeNull();
    expect(readNumber("-1", { strings: /^-?\d+(\.\d+)?$/ })).toBe(-1);
    // digits beyond the double range are no number
    expect(readNumber("9".repeat(400), unsigned)).toBeNull();
  });
});

describe("compactAttributes", () => {
  it("drops null values only, keeping order, in a new object", () => {
    const values = { a: null, b: false, c: 0, d: "", e: "x", f: null };
    const out = compactAttributes(values);
    expect(out).toEqual({ b: false, c: 0, d: "", e: "x" });
    expect(Object.keys(out)).toEqual(["b", "c", "d", "e"]);
    expect(out).not.toBe(values);
  });
});

describe("truncateText", () => {
  it("keeps text up to max and cuts longer text to max characters ending in …", () => {
    expect(truncateText("abc", 3)).toBe("abc");
    expect(truncateText("abcd", 3)).toBe("ab…");
    expect(truncateText("x".repeat(500))).toBe("x".repeat(500));
    const cut = truncateText("x".repeat(501));
    expect(cut).toHaveLength(500);
    expect(cut.endsWith("x…")).toBe(true);
  });
});

describe("toIsoTime", () => {
  it("reads ISO 8601 text by default, zone-less date-times in local time and dates alone as UTC", () => {
    expect(toIsoTime("2025-01-05T10:00:00Z")).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime("2025-01-05T10:00:00.1234567+02:00")).toBe("2025-01-05T08:00:00.123Z");
    expect(toIsoTime(" 2025-01-05T10:00:00Z\n")).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime("2025-01-05T10:00:00")).toBe(local(2025, 0, 5, 10, 0, 0));
    expect(toIsoTime("2025-01-05")).toBe("2025-01-05T00:00:00.000Z");
    for (const value of ["2025", "Jan 5 2025", "1736071200", "2025-13-01", "", null, undefined, 1736071200, {}]) {
      expect(toIsoTime(value)).toBeNull();
    }
  });

  it("reads numbers and digit strings as Unix time with epochSecondsBelow (seconds below it, else ms)", () => {
    const seconds = { epochSecondsBelow: 1e12 };
    expect(toIsoTime(1736071200, seconds)).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime(1736071200000, seconds)).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime(" 1736071200.5 ", seconds)).toBe("2025-01-05T10:00:00.500Z");
    expect(toIsoTime(-1, seconds)).toBe("1969-12-31T23:59:59.000Z");
    expect(toIsoTime("2025-01-05T10:00:00Z", seconds)).toBe("2025-01-05T10:00:00.000Z");
    for (const value of [Number.NaN, Infinity, 8.64e15 + 1, "-1", "1e9"]) expect(toIsoTime(value, seconds)).toBeNull();
    // the bound decides between seconds and milliseconds
    expect(toIsoTime(1e11, seconds)).toBe("5138-11-16T09:46:40.000Z");
    expect(toIsoTime(1e11, { epochSecondsBelow: 1e11 })).toBe("1973-03-03T09:46:40.000Z");
    expect(toIsoTime(1e11 - 1, { epochSecondsBelow: 1e11 })).toBe("5138-11-16T09:46:39.000Z");
  });

  it("reads text per the text option", () => {
    expect(toIsoTime("2025-01-05", { text: "iso-date-time" })).toBeNull();
    expect(toIsoTime("2025-01-05 10:00:00Z", { text: "iso-date-time" })).toBeNull();
    expect(toIsoTime("2025-01-05T10:00:00Z", { text: "iso-date-time" })).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime("2025", { text: "any" })).toBe("2025-01-01T00:00:00.000Z");
    expect(toIsoTime("Sun, 05 Jan 2025 10:00:00 GMT", { text: "any" })).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime("1736071200", { text: "any" })).toBeNull();
    expect(toIsoTime("2025-01-05T10:00:00Z", { text: "none" })).toBeNull();
    expect(toIsoTime("1736071200", { text: "none", epochSecondsBelow: 1e11 })).toBe("2025-01-05T10:00:00.000Z");
  });

  it("reads zone-less date-times as UTC with zonelessAsUtc (Python isoformat and str(datetime))", () => {
    const utc = { zonelessAsUtc: true };
    expect(toIsoTime("2025-01-05T10:00:00.123456", utc)).toBe("2025-01-05T10:00:00.123Z");
    expect(toIsoTime("2025-01-05 10:00:00", utc)).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime("2025-01-05T10:00", utc)).toBe("2025-01-05T10:00:00.000Z");
    expect(toIsoTime("2025-01-05T10:00:00+02:00", utc)).toBe("2025-01-05T08:00:00.000Z");
    expect(toIsoTime("2025-01-05", utc)).toBe("2025-01-05T00:00:00.000Z");
    expect(toIsoTime("2025-01-05 10:00:00", { text: "any", zonelessAsUtc: true })).toBe("2025-01-05T10:00:00.000Z");
  });

  it("rejects times at or before 1970 with afterEpoch", () => {
    const after = { epochSecondsBelow: 1e11, afterEpoch: true };
    for (const value of [0, "0", "0.0", -5, "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z"]) {
      expect(toIsoTime(value, after)).toBeNull();
    }
    expect(toIsoTime(1, after)).toBe("1970-01-01T00:00:01.000Z");
    expect(toIsoTime("1969-12-31T23:59:59Z")).toBe("1969-12-31T23:59:59.000Z");
  });

  it("reads padded text as no time with trim: false", () => {
    expect(toIsoTime(" 2025-01-05T10:00:00Z", { trim: false })).toBeNull();
    expect(toIsoTime(" 2025-01-05T10:00:00Z", { text: "any", trim: false })).toBeNull();
    expect(toIsoTime(" 1736071200", { epochSecondsBelow: 1e11, text: "none", trim: false })).toBeNull();
    expect(toIsoTime("1736071200", { epochSecondsBelow: 1e11, text: "none", trim: false })).toBe(
      "2025-01-05T10:00:00.000Z",
    );
  });
});

describe("unique keys", () => {
  it("makeKeysUnique suffixes repeated keys #2, #3..., never handing out a key twice, in place", () => {
    const findings = ["a", "a", "a#2", "b", "a"].map(finding);
    expect(makeKeysUnique(findings)).toBe(findings);
    expect(findings.map((f) => f.key)).toEqual(["a", "a#2", "a#2#2", "b", "a#3"]);
  });

  it("takeUniqueKey probes until a key is free and records it", () => {
    const taken = new Set(["a", "a#2"]);
    expect(takeUniqueKey(taken, "a")).toBe("a#3");
    expect(takeUniqueKey(taken, "c")).toBe("c");
    expect([...taken]).toEqual(["a", "a#2", "a#3", "c"]);
  });

  it("takeNumberedKey numbers the uses of each base, without checking other keys", () => {
    const uses = new Map<string, number>();
    expect(["a", "a", "a#2", "b", "a"].map((key) => takeNumberedKey(uses, key))).toEqual([
      "a",
      "a#2",
      "a#2",
      "b",
      "a#3",
    ]);
  });
});

describe("http links", () => {
  it("isHttpLink checks the text: http(s) in any case, no white space", () => {
    for (const value of ["https://a.example/x", "http://a", "HTTPS://A.EXAMPLE"]) expect(isHttpLink(value)).toBe(true);
    for (const value of ["ftp://a", "https://a.example/ x", "https://", "a.example", " https://a", null, 1]) {
      expect(isHttpLink(value)).toBe(false);
    }
  });

  it("keepHttpLinks keeps links as sent, without repeats, up to max", () => {
    const values = ["not a url", "https://a.example/x", null, "HTTPS://A.EXAMPLE/", "https://a.example/x", 3];
    expect(keepHttpLinks(values)).toEqual(["https://a.example/x", "HTTPS://A.EXAMPLE/"]);
    expect(keepHttpLinks(values, 1)).toEqual(["https://a.example/x"]);
    const many = Array.from({ length: 12 }, (_, i) => `https://a.example/${i}`);
    expect(keepHttpLinks(many, 5)).toEqual(many.slice(0, 5));
    expect(keepHttpLinks([])).toEqual([]);
  });

  it("normalizeHttpLinks parses, normalizes and drops credentials, long values and repeats", () => {
    expect(
      normalizeHttpLinks([
        "https://a.example",
        "HTTPS://A.EXAMPLE/",
        "http://b.example/a b",
        "https://user:secret@a.example/x",
        "ftp://a.example",
        `https://a.example/${"x".repeat(2000)}`,
        "not a url",
        null,
      ]),
    ).toEqual(["https://a.example/", "http://b.example/a%20b"]);
  });
});
