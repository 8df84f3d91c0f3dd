import { describe, expect, it } from "vitest";
import { decideExpectation } from "./decide-expectation.ts";
import { DAY, T0, item } from "./scoring-fixture.ts";

const exp = { id: "red-team", title: "Adversarial testing", satisfyWith: { text: "a garak run", sources: ["garak"] } };
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const req = "act:art-9-2";

describe("decideExpectation", () => {
  it("is missing without evidence, and says what would satisfy it", () => {
    const r = decideExpectation(exp, [], at(1));
    expect(r.verdict).toBe("missing");
    expect(r.satisfyWith).toEqual({ text: "a garak run", sources: ["garak"] });
    expect(r.decidedBy).toEqual([]);
  });

  it("is met by fresh passing evidence and cites it with source, time and hash", () => {
    const pass = item({ requirementId: req, ruleId: "red-team" });
    const r = decideExpectation(exp, [pass], at(1));
    expect(r.verdict).toBe("met");
    expect(r.satisfyWith).toBeNull();
    expect(r.decidedBy).toEqual([
      expect.objectContaining({
        evidenceId: pass.evidenceId,
        source: "garak",
        sha256: pass.sha256,
        observedAt: T0.toISOString(),
      }),
    ]);
  });

  it("is stale once the evidence expired, citing the last evidence seen", () => {
    const pass = item({ requirementId: req, expiresAt: at(30) });
    const r = decideExpectation(exp, [pass], at(30));
    expect(r.verdict).toBe("stale");
    expect(r.lastSeen?.evidenceId).toBe(pass.evidenceId);
    expect(r.satisfyWith).not.toBeNull();
  });

  it("fails on a fresh failure newer than a pass about the same subject", () => {
    const pass = item({ requirementId: req, observedAt: T0 });
    const fail = item({ requirementId: req, observedAt: at(1), outcome: "fail" });
    const r = decideExpectation(exp, [pass, fail], at(2));
    expect(r.verdict).toBe("failing");
    expect(r.decidedBy.map((d) => d.evidenceId)).toEqual([fail.evidenceId]);
  });

  it("lets a newer pass about the same subject supersede an older failure", () => {
    const fail = item({ requirementId: req, observedAt: T0, outcome: "fail" });
    const pass = item({ requirementId: req, observedAt: at(1) });
    expect(decideExpectation(exp, [fail, pass], at(2)).verdict).toBe("met");
  });

  it("keeps a failure about another subject even when a newer pass exists", () => {
    const fail = item({ requirementId: req, observedAt: T0, outcome: "fail", subject: "model:a" });
    const pass = item({ requirementId: req, observedAt: at(1), subject: "model:b" });
    expect(decideExpectation(exp, [fail, pass], at(2)).verdict).toBe("failing");
  });

  it("lets a failure outrank a pass observed at the same time, and one failing finding fail its evidence", () => {
    const pass = item({ requirementId: req, evidenceId: "e1", observedAt: T0 });
    const fail = item({ requirementId: req, evidenceId: "e1", observedAt: T0, outcome: "fail" });
    expect(decideExpectation(exp, [pass, fail], at(1)).verdict).toBe("failing");
    const other = item({ requirementId: req, evidenceId: "e2", observedAt: T0, outcome: "fail" });
    expect(decideExpectation(exp, [item({ requirementId: req, observedAt: T0 }), other], at(1)).verdict).toBe(
      "failing",
    );
  });

  it("ignores evidence received after the point in time, removed links, and info or error outcomes", () => {
    const later = item({ requirementId: req, observedAt: at(5) });
    expect(decideExpectation(exp, [later], at(1)).verdict).toBe("missing");
    const removed = item({ requirementId: req, removedAt: at(1) });
    expect(decideExpectation(exp, [removed], at(2)).verdict).toBe("missing");
    expect(decideExpectation(exp, [removed], at(0.5)).verdict).toBe("met");
    const info = item({ requirementId: req, outcome: "info" });
    expect(decideExpectation(exp, [info], at(1)).verdict).toBe("missing");
  });

  it("does not expire evidence linked by hand without an expiry", () => {
    const manual = item({ requirementId: req, expiresAt: null, subject: "evidence:x" });
    expect(decideExpectation(exp, [manual], at(3000)).verdict).toBe("met");
  });
});
