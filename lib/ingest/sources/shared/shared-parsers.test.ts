// Tests of the small parsers and readers adapters share: severity, lists, fallback findings, JSON or lines, lenient zod fields, fixtures.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../../errors/app-error.ts";
import { booleanOrNull } from "./boolean-or-null.ts";
import { formatCount } from "./format-count.ts";
import { inTotoStatementSchema } from "./in-toto-statement-schema.ts";
import { lenientBoolean } from "./lenient-boolean.ts";
import { lenientList } from "./lenient-list.ts";
import { lenientNumber } from "./lenient-number.ts";
import { lenientRecord } from "./lenient-record.ts";
import { lenientString } from "./lenient-string.ts";
import { lenientText } from "./lenient-text.ts";
import { makeUnrecognisedFinding } from "./make-unrecognised-finding.ts";
import { numberOrNull } from "./number-or-null.ts";
import { parseJsonOrLines } from "./parse-json-or-lines.ts";
import { pickLatestTime } from "./pick-latest-time.ts";
import { readEnumValue } from "./read-enum-value.ts";
import { readFixture } from "./read-fixture.ts";
import { readSeverity } from "./read-severity.ts";
import { readStrings } from "./read-strings.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
/** A zone-less date-time in the local time of the machine running the tests, as `Date.parse` reads it. */

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

describe("readSeverity", () => {
  it("reads critical/high/medium/low in any case", () => {
    expect(readSeverity("CRITICAL")).toBe("critical");
    expect(readSeverity("High")).toBe("high");
    expect(readSeverity("medium")).toBe("medium");
    expect(readSeverity("LOW")).toBe("low");
  });

  it("reads info and a tool's own words only through aliases (lower-case keys)", () => {
    expect(readSeverity("info")).toBeNull();
    expect(readSeverity("Info", { info: "info" })).toBe("info");
    expect(readSeverity("Negligible", { negligible: "info" })).toBe("info");
    expect(readSeverity("moderate", { moderate: "medium" })).toBe("medium");
    expect(readSeverity("error", { error: "high", warning: "medium", note: "low", none: "info" })).toBe("high");
  });

  it("reads nothing else, object members included", () => {
    for (const value of ["unknown", " high", "", null, undefined, 3, "constructor", "__proto__", "toString"]) {
      expect(readSeverity(value, { moderate: "medium" })).toBeNull();
    }
  });
});

describe("small readers", () => {
  it("pickLatestTime returns the latest ISO time, or null for none", () => {
    expect(pickLatestTime([])).toBeNull();
    expect(pickLatestTime(["2025-01-02T00:00:00.000Z", "2025-03-01T00:00:00.000Z", "2024-12-31T00:00:00.000Z"])).toBe(
      "2025-03-01T00:00:00.000Z",
    );
  });

  it("readStrings reads one string or the strings of a list", () => {
    expect(readStrings("a")).toEqual(["a"]);
    expect(readStrings(["a", 1, null, "", "b"])).toEqual(["a", "", "b"]);
    expect(readStrings(null)).toEqual([]);
    expect(readStrings({ a: "b" })).toEqual([]);
  });

  it("readEnumValue keeps the last IRI segment, cut to 100 characters", () => {
    expect(readEnumValue("https://spdx.org/rdf/3.0.1/terms/AI/SafetyRiskAssessmentType/high")).toBe("high");
    expect(readEnumValue("yes")).toBe("yes");
    expect(readEnumValue(`a/${"x".repeat(150)}`)).toBe("x".repeat(100));
    for (const value of ["", " ", null, 1]) expect(readEnumValue(value)).toBeNull();
  });

  it("formatCount writes a count and its noun", () => {
    expect(formatCount(0, "model")).toBe("0 models");
    expect(formatCount(1, "model")).toBe("1 model");
    expect(formatCount(2, "AI package")).toBe("2 AI packages");
  });
});

describe("makeUnrecognisedFinding", () => {
  const source = { gateway: "kong", label: "Kong log record" };

  it("keeps an unrecognised record as an event naming up to eight of its keys", () => {
    const record = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "secret value"]));
    expect(makeUnrecognisedFinding(record, "entry-3/event", source)).toEqual({
      key: "entry-3/event",
      subject: { kind: "gateway", name: "kong" },
      check: "event",
      outcome: "info",
      severity: null,
      title: "Unrecognised Kong log record (keys: k0, k1, k2, k3, k4, k5, k6, k7)",
      observedAt: null,
      links: [],
      attributes: { eventType: "kong.unknown" },
    });
  });

  it("says none for an empty record and cuts long titles", () => {
    expect(makeUnrecognisedFinding({}, "k", source).title).toBe("Unrecognised Kong log record (keys: none)");
    expect(makeUnrecognisedFinding({ ["x".repeat(600)]: 1 }, "k", source).title).toHaveLength(500);
  });
});

describe("parseJsonOrLines", () => {
  it("reads one JSON document as one value", () => {
    expect(parseJsonOrLines(bytes('{"a":1}'), "test body")).toEqual([{ a: 1 }]);
    expect(parseJsonOrLines(bytes('[{"a":1},{"b":2}]'), "test body")).toEqual([[{ a: 1 }, { b: 2 }]]);
  });

  it("reads JSON Lines when the body is not one document, with at least minLines values", () => {
    const lines = bytes('{"a":1}\n\n{"b":2}\n');
    expect(parseJsonOrLines(lines, "test body")).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseJsonOrLines(lines, "test body", 2)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(errorOf(() => parseJsonOrLines(lines, "test body", 3)).code).toBe("bad_request");
  });

  it("answers the error of the first attempt when neither reads", () => {
    const error = errorOf(() => parseJsonOrLines(bytes('{"a":1}\nnot json'), "test body"));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/^The test body is not valid JSON/);
    expect(error.message).not.toContain("test body (line");
    expect(errorOf(() => parseJsonOrLines(bytes("  "), "test body")).code).toBe("bad_request");
  });
});

describe("zod fields", () => {
  const read = (schema: z.ZodType, value: Record<string, unknown>) => z.looseObject({ f: schema }).parse(value).f;

  it("lenientString, lenientNumber, lenientBoolean, lenientList and lenientRecord: wrong type null, absent undefined", () => {
    const cases: [z.ZodType, unknown, unknown][] = [
      [lenientString, " ", 1],
      [lenientNumber, 0, "1"],
      [lenientBoolean, false, "true"],
      [lenientList, [1], { 0: 1 }],
      [lenientRecord, { a: 1 }, [1]],
    ];
    for (const [schema, good, wrong] of cases) {
      expect(read(schema, { f: good })).toEqual(good);
      expect(read(schema, { f: wrong })).toBeNull();
      expect(read(schema, { f: null })).toBeNull();
      expect(read(schema, {})).toBeUndefined();
    }
  });

  it("lenientText: a non-blank string as sent, else null (absent and blank included)", () => {
    expect(read(lenientText, { f: " x " })).toBe(" x ");
    for (const value of [{}, { f: "" }, { f: "  " }, { f: 1 }, { f: null }, { f: ["x"] }]) {
      expect(read(lenientText, value)).toBeNull();
    }
  });

  it("numberOrNull and booleanOrNull: the value of their type, else null (absent included)", () => {
    expect(read(numberOrNull, { f: 2.5 })).toBe(2.5);
    for (const value of [{}, { f: "2" }, { f: null }, { f: true }]) expect(read(numberOrNull, value)).toBeNull();
    expect(read(booleanOrNull, { f: false })).toBe(false);
    for (const value of [{}, { f: "true" }, { f: 1 }, { f: null }]) expect(read(booleanOrNull, value)).toBeNull();
  });

  it("inTotoStatementSchema requires the predicate type only", () => {
    expect(inTotoStatementSchema.safeParse({ predicateType: "https://slsa.dev/provenance/v1" }).success).toBe(true);
    expect(inTotoStatementSchema.safeParse({ _type: "https://in-toto.io/Statement/v1", subject: [] }).success).toBe(
      false,
    );
    expect(inTotoStatementSchema.safeParse({ predicateType: "p", subject: {} }).success).toBe(false);
  });
});

describe("readFixture", () => {
  it("reads a shared evidence fixture as bytes, or as text", () => {
    const raw = readFixture("grype-image.json");
    expect(raw).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(raw)).toBe(readFixture("grype-image.json", "utf8"));
  });
});
