import { describe, expect, it } from "vitest";
import { assessRequirement } from "./assess-requirement.ts";
import { DAY, NODES, RULES, T0, applies, item, waiver } from "./scoring-fixture.ts";
import type { ScoringNode } from "./scoring-types.ts";

const node = (id: string): ScoringNode => {
  const n = NODES.find((x) => x.id === id);
  if (!n) throw new Error(id);
  return n;
};
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const rulesFor = (id: string) => RULES.filter((r) => r.requirementIds.includes(id));
const cyber = "act:art-15-5";

describe("assessRequirement", () => {
  it("is partial when one of several expectations is met, naming what the other needs", () => {
    const r = assessRequirement(
      node(cyber),
      "s1",
      applies(),
      rulesFor(cyber),
      [item({ requirementId: cyber, ruleId: "red-team" })],
      [],
      at(1),
    );
    expect(r.status).toBe("partial");
    expect(r.expectations.map((e) => [e.id, e.verdict])).toEqual([
      ["red-team", "met"],
      ["vuln-scan", "missing"],
    ]);
    expect(r.expectations[1]?.satisfyWith?.sources).toEqual(["trivy"]);
    expect(r.summary).toMatch(/1 of 2 expectations met/);
  });

  it("is met when every expectation is met, failing when any fails", () => {
    const both = [
      item({ requirementId: cyber, ruleId: "red-team" }),
      item({ requirementId: cyber, ruleId: "vuln-scan", source: "trivy" }),
    ];
    expect(assessRequirement(node(cyber), "s1", applies(), rulesFor(cyber), both, [], at(1)).status).toBe("met");
    const fail = item({ requirementId: cyber, ruleId: "vuln-scan", outcome: "fail", subject: "image:x" });
    expect(assessRequirement(node(cyber), "s1", applies(), rulesFor(cyber), [...both, fail], [], at(1)).status).toBe(
      "failing",
    );
  });

  it("is stale when only expired evidence remains, missing when there is none", () => {
    const old = item({ requirementId: cyber, ruleId: "red-team", expiresAt: at(10) });
    expect(assessRequirement(node(cyber), "s1", applies(), rulesFor(cyber), [old], [], at(11)).status).toBe("stale");
    expect(assessRequirement(node(cyber), "s1", applies(), rulesFor(cyber), [], [], at(11)).status).toBe("missing");
  });

  it("needs a hand-made link when no rule targets it, and says what the catalog expects", () => {
    const missing = assessRequirement(node("act:art-9-1"), "s1", applies(), [], [], [], at(1));
    expect(missing.status).toBe("missing");
    expect(missing.expectations[0]?.id).toBe("manual");
    expect(missing.expectations[0]?.satisfyWith?.text).toMatch(/a risk register/);
    const linked = item({ requirementId: "act:art-9-1", expiresAt: null, justification: "register v3 reviewed" });
    const met = assessRequirement(node("act:art-9-1"), "s1", applies(), [], [linked], [], at(1));
    expect(met.status).toBe("met");
    expect(met.expectations[0]?.decidedBy[0]?.justification).toBe("register v3 reviewed");
  });

  it("turns a failing status into waived while the waiver runs, keeping the evidence's status", () => {
    const fail = item({ requirementId: cyber, ruleId: "red-team", outcome: "fail" });
    const w = waiver({ requirementId: cyber, expiresAt: at(5) });
    const during = assessRequirement(node(cyber), "s1", applies(), rulesFor(cyber), [fail], [w], at(1));
    expect(during.status).toBe("waived");
    expect(during.evidenceStatus).toBe("failing");
    expect(during.waiver?.approvedBy).toBe("ciso@example.com");
    const after = assessRequirement(node(cyber), "s1", applies(), rulesFor(cyber), [fail], [w], at(5));
    expect(after.status).toBe("failing");
    expect(after.waiver).toBeNull();
  });

  it("ignores waivers for other systems, revoked ones and ones recorded later; a met requirement needs none", () => {
    const fail = item({ requirementId: cyber, ruleId: "red-team", outcome: "fail" });
    const args = [node(cyber), "s1", applies(), rulesFor(cyber), [fail]] as const;
    expect(assessRequirement(...args, [waiver({ requirementId: cyber, systemId: "s2" })], at(1)).status).toBe(
      "failing",
    );
    expect(assessRequirement(...args, [waiver({ requirementId: cyber, systemId: "s1" })], at(1)).status).toBe("waived");
    expect(assessRequirement(...args, [waiver({ requirementId: cyber, revokedAt: at(0.5) })], at(1)).status).toBe(
      "failing",
    );
    expect(assessRequirement(...args, [waiver({ requirementId: cyber, createdAt: at(2) })], at(1)).status).toBe(
      "failing",
    );
    const pass = [
      item({ requirementId: cyber, ruleId: "red-team" }),
      item({ requirementId: cyber, ruleId: "vuln-scan" }),
    ];
    const met = assessRequirement(
      node(cyber),
      "s1",
      applies(),
      rulesFor(cyber),
      pass,
      [waiver({ requirementId: cyber })],
      at(1),
    );
    expect(met.status).toBe("met");
    expect(met.waiver).toBeNull();
  });

  it("does not count a requirement that is not applicable or not yet applicable, but judges the latter's evidence", () => {
    const na = assessRequirement(node(cyber), "s1", undefined, rulesFor(cyber), [], [], at(1));
    expect(na.status).toBe("not-applicable");
    expect(na.expectations).toEqual([]);
    const upcoming = {
      status: "upcoming" as const,
      effectiveFrom: "2027-12-02",
      appliesFromOriginal: "2026-08-02",
      daysLeft: 427,
      reasons: ["applies from 2027-12-02"],
    };
    const r = assessRequirement(
      node(cyber),
      "s1",
      upcoming,
      rulesFor(cyber),
      [item({ requirementId: cyber, ruleId: "red-team" })],
      [],
      at(1),
    );
    expect(r.status).toBe("not-applicable");
    expect(r.evidenceStatus).toBe("partial");
    expect(r.applicability).toMatchObject({
      status: "upcoming",
      effectiveFrom: "2027-12-02",
      originalDate: "2026-08-02",
      daysLeft: 427,
    });
    expect(r.summary).toMatch(/Applies from 2027-12-02 \(427 days\)/);
  });
});
