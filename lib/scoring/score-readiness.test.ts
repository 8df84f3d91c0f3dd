import { describe, expect, it } from "vitest";
import { DAY, NODES, T0, allApply, input, item, waiver } from "./scoring-fixture.ts";
import { scoreReadiness } from "./score-readiness.ts";

const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe("scoreReadiness", () => {
  it("scores a system per framework, per group and in total, and ranks the gaps", () => {
    const result = scoreReadiness(
      input({
        items: [
          item({ requirementId: "act:art-9-2", ruleId: "red-team" }),
          item({ requirementId: "act:art-15-5", ruleId: "red-team" }),
          item({ requirementId: "zt:identity.auth.mfa", ruleId: "mfa-log", outcome: "fail", source: "litellm" }),
        ],
      }),
    );
    const s = result.systems[0];
    const status = Object.fromEntries(s?.requirements.map((r) => [r.requirementId, r.status]) ?? []);
    expect(status).toEqual({
      "act:art-9-1": "missing",
      "act:art-9-2": "met",
      "act:art-15-5": "partial",
      "zt:identity.auth.mfa": "failing",
      "zt:identity.auth.phish": "missing",
      "zt:identity.auth.cont": "missing",
    });
    // act: met 2 + partial 1 out of 3 x 2 = 3/6
    expect(result.frameworks.act).toMatchObject({ points: 3, maxPoints: 6, score: 50 });
    expect(result.frameworks.zt).toMatchObject({ points: 0, maxPoints: 6, score: 0 });
    expect(result.tally).toMatchObject({ points: 3, maxPoints: 12, score: 25 });
    expect(result.groups.find((g) => g.nodeId === "act:art-9")?.tally.score).toBe(50);
    expect(result.groups.find((g) => g.nodeId === "zt:identity")?.tally.counts.failing).toBe(1);
    // Each missing or failing requirement would add 2 of 12 points; failing ranks first among equals.
    expect(result.gaps[0]).toMatchObject({ requirementId: "zt:identity.auth.mfa", gain: 16.7 });
    expect(result.gaps.find((g) => g.requirementId === "act:art-15-5")?.gain).toBe(8.3);
  });

  it("gives Zero Trust functions and pillars a maturity stage", () => {
    const pass = (id: string) => item({ requirementId: id, ruleId: "mfa-log", source: "litellm", subject: id });
    const r1 = scoreReadiness(input({ items: [pass("zt:identity.auth.mfa")] }));
    expect(r1.pillars).toEqual([expect.objectContaining({ nodeId: "zt:identity", stage: "initial" })]);
    expect(r1.pillars[0]?.functions[0]).toMatchObject({
      nodeId: "zt:identity.auth",
      stage: "initial",
      nextStageGaps: ["zt:identity.auth.phish"],
    });
    const r2 = scoreReadiness(
      input({ items: ["zt:identity.auth.mfa", "zt:identity.auth.phish", "zt:identity.auth.cont"].map(pass) }),
    );
    expect(r2.pillars[0]?.stage).toBe("optimal");
  });

  it("rolls systems up by adding counts; org-wide evidence counts for every system, system evidence for its own", () => {
    const systems = [
      { id: "s1", name: "One", applicability: allApply() },
      { id: "s2", name: "Two", applicability: allApply() },
    ];
    const result = scoreReadiness(
      input({
        systems,
        items: [
          item({ requirementId: "act:art-9-2", ruleId: "red-team", systemId: null }),
          item({ requirementId: "act:art-9-1", expiresAt: null, systemId: "s2" }),
        ],
      }),
    );
    const met = (id: string) => result.systems.find((s) => s.systemId === id)?.tally.counts.met;
    expect(met("s1")).toBe(1);
    expect(met("s2")).toBe(2);
    expect(result.tally.counts.met).toBe(3);
    expect(result.tally.maxPoints).toBe(24);
    expect(result.gaps.find((g) => g.requirementId === "act:art-9-1")?.systems).toEqual([
      { systemId: "s1", status: "missing" },
    ]);
  });

  it("the organization is as mature as its least mature system", () => {
    const systems = [
      { id: "s1", name: "One", applicability: allApply() },
      { id: "s2", name: "Two", applicability: allApply() },
    ];
    const r = scoreReadiness(
      input({ systems, items: [item({ requirementId: "zt:identity.auth.mfa", ruleId: "mfa-log", systemId: "s1" })] }),
    );
    expect(r.systems.map((s) => s.pillars[0]?.stage)).toEqual(["initial", "traditional"]);
    expect(r.pillars[0]?.stage).toBe("traditional");
  });

  it("lists upcoming deadlines per system with the share of their obligations met, and leaves them out of today's score", () => {
    const applicability = allApply();
    applicability.set("act:art-15-5", {
      status: "upcoming",
      effectiveFrom: "2027-12-02",
      appliesFromOriginal: "2026-08-02",
      daysLeft: 426,
      reasons: [],
    });
    applicability.set("act:art-9-1", {
      status: "upcoming",
      effectiveFrom: "2027-12-02",
      appliesFromOriginal: "2026-08-02",
      daysLeft: 426,
      reasons: [],
    });
    applicability.delete("act:art-9-2");
    const r = scoreReadiness(
      input({
        systems: [{ id: "s1", name: "One", applicability }],
        items: [item({ requirementId: "act:art-9-1", expiresAt: null })],
      }),
    );
    const s = r.systems[0];
    expect(s?.frameworks.act?.counts["not-applicable"]).toBe(3);
    expect(s?.frameworks.act?.score).toBeNull();
    expect(s?.deadlines).toEqual([
      expect.objectContaining({
        date: "2027-12-02",
        originalDates: ["2026-08-02"],
        daysLeft: 426,
        requirementIds: ["act:art-9-1", "act:art-15-5"],
      }),
    ]);
    expect(s?.deadlines[0]?.tally).toMatchObject({ points: 2, maxPoints: 4, score: 50 });
  });

  it("lets a waiver take a failing requirement out of the score until it expires", () => {
    const items = [item({ requirementId: "act:art-9-2", ruleId: "red-team", outcome: "fail" })];
    const w = waiver({ requirementId: "act:art-9-2", expiresAt: at(10) });
    const during = scoreReadiness(input({ items, waivers: [w], asOf: at(5) }));
    expect(during.tally.counts.waived).toBe(1);
    const after = scoreReadiness(input({ items, waivers: [w], asOf: at(10) }));
    expect(after.tally.counts.waived).toBe(0);
    expect(after.tally.counts.failing).toBe(1);
  });

  it("is deterministic: the same input gives the same result", () => {
    const i = input({
      items: NODES.filter((n) => n.kind === "requirement").map((n) => item({ requirementId: n.id, ruleId: null })),
    });
    expect(JSON.stringify(scoreReadiness(i))).toBe(JSON.stringify(scoreReadiness(i)));
  });
});
