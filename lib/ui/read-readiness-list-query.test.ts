import { describe, expect, it } from "vitest";
import { readAsOfParam } from "./read-as-of-param.ts";
import { readReadinessListQuery } from "./read-readiness-list-query.ts";
import { readinessListHref } from "./readiness-list-href.ts";

describe("the readiness drill-down URL", () => {
  it("reads statuses as a comma list or repeated, drops unknown ones with a message, and round-trips through its href", () => {
    const q = readReadinessListQuery({
      status: "failing, missing,bogus",
      system: "5f0e7c3e-0000-4000-8000-000000000000",
      group: "zero-trust-ai:identity",
      framework: "",
      asOf: "2027-01-01",
    });
    expect(q.filters).toEqual({
      statuses: ["failing", "missing"],
      systemId: "5f0e7c3e-0000-4000-8000-000000000000",
      groupId: "zero-trust-ai:identity",
      frameworkId: undefined,
    });
    expect(q.errors).toEqual([expect.stringContaining('Status "bogus"')]);
    expect(readReadinessListQuery({ status: ["stale", "met", "stale"] }).filters.statuses).toEqual(["stale", "met"]);
    const href = readinessListHref("demo", {
      status: ["failing", "missing"],
      group: "zero-trust-ai:identity",
      asOf: "2027-01-01",
    });
    expect(href).toBe("/o/demo/readiness?status=failing%2Cmissing&group=zero-trust-ai%3Aidentity&asOf=2027-01-01");
    const back = readReadinessListQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back.filters.statuses).toEqual(["failing", "missing"]);
    expect(back.filters.groupId).toBe("zero-trust-ai:identity");
  });

  it("reads asOf leniently: empty is today, a bad value is reported and replaced by today", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(readAsOfParam(undefined, now)).toEqual({ asOf: undefined, day: "2026-11-24", error: null });
    expect(readAsOfParam(["2027-03-01"], now)).toEqual({ asOf: "2027-03-01", day: "2027-03-01", error: null });
    const bad = readAsOfParam("2027-02-30x", now);
    expect(bad).toMatchObject({ asOf: undefined, day: "2026-11-24" });
    expect(bad.error).toMatch(/^The date must be/);
  });
});
