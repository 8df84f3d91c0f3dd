import { describe, expect, it } from "vitest";
import { allApply, input, item, waiver } from "../scoring/scoring-fixture.ts";
import { READINESS_METHOD } from "../scoring/readiness-method.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import { buildReportData } from "./build-report-data.ts";

const frameworks = [
  { id: "act", title: "Act", version: "1" },
  { id: "zt", title: "Zero Trust", version: "2" },
];
const result = scoreReadiness(
  input({
    systems: [
      { id: "s1", name: "One", applicability: allApply() },
      { id: "s2", name: "Two", applicability: allApply() },
    ],
    items: [
      item({ requirementId: "act:art-9-2", ruleId: "red-team", evidenceId: "ev-pass", systemId: "s1" }),
      item({ requirementId: "zt:identity.auth.mfa", ruleId: "mfa-log", outcome: "fail", evidenceId: "ev-fail" }),
    ],
    waivers: [waiver({ requirementId: "zt:identity.auth.mfa", systemId: "s2" })],
  }),
);
const build = (scope: { systems: string[] | null; frameworks: string[] | null }) =>
  buildReportData({
    organization: { id: "o", slug: "o", name: "Org" },
    snapshot: { id: "snap", asOf: new Date(result.asOf), digest: "d", result },
    frameworks,
    scope,
    generatedAt: new Date("2026-11-24T00:00:00Z"),
  });

describe("buildReportData", () => {
  it("takes the snapshot's statuses and totals for the whole scope, with method, exceptions and manifest", () => {
    const data = build({ systems: null, frameworks: null });
    expect(data.summary.tally).toEqual(result.tally);
    expect(data.summary.frameworks).toEqual(result.frameworks);
    expect(data.method).toBe(READINESS_METHOD);
    expect(data.exceptions).toEqual([
      expect.objectContaining({
        systemId: "s2",
        requirementId: "zt:identity.auth.mfa",
        evidenceStatus: "failing",
        approvedBy: "ciso@example.com",
      }),
    ]);
    expect(data.manifest.map((m) => m.evidenceId)).toEqual(["ev-fail", "ev-pass"]);
    const s1 = data.results.find((r) => r.frameworkId === "act")?.systems.find((s) => s.systemId === "s1");
    expect(s1?.rows.find((r) => r.requirementId === "act:art-9-2")).toMatchObject({
      status: "met",
      ref: "Art. 9(2)",
      evidence: [expect.objectContaining({ evidenceId: "ev-pass" })],
    });
  });

  it("narrows to chosen systems and frameworks, adding the roll-ups up again with the same formula", () => {
    const one = build({ systems: ["s1"], frameworks: null });
    expect(one.summary.tally).toEqual(result.systems[0]?.tally);
    expect(one.scope.systems).toEqual([{ id: "s1", name: "One" }]);
    const act = build({ systems: null, frameworks: ["act"] });
    expect(act.summary.tally).toEqual(result.frameworks.act);
    expect(act.pillars).toEqual([]);
    expect(act.exceptions).toEqual([]);
    expect(act.manifest.map((m) => m.evidenceId)).toEqual(["ev-pass"]);
  });
});
