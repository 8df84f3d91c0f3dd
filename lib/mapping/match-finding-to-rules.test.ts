import { describe, expect, it } from "vitest";
import { evidenceRuleSchema, type EvidenceRule } from "../catalog/rule-schema.ts";
import type { SourceKind } from "../ingest/source-kinds.ts";
import type { MatchableFinding } from "./mapping-types.ts";
import { matchFindingToRules } from "./match-finding-to-rules.ts";

const DAY = 24 * 60 * 60 * 1000;

function rule(id: string, match: Record<string, unknown>, freshnessDays = 30): EvidenceRule {
  return evidenceRuleSchema.parse({
    id,
    title: `Rule ${id}`,
    summary: "For tests.",
    match,
    requirements: [`demo-std:${id}`],
    freshnessDays,
  });
}

function finding(over: Partial<MatchableFinding & { source: SourceKind }> = {}): MatchableFinding & {
  source: SourceKind;
} {
  return {
    source: "trivy",
    key: "CVE-2024-0001",
    check: "vulnerability",
    outcome: "fail",
    severity: "high",
    observedAt: "2026-01-10T00:00:00.000Z",
    attributes: {},
    ...over,
  };
}

const ids = (f: MatchableFinding & { source: SourceKind }, rules: EvidenceRule[], receivedAt?: Date) =>
  matchFindingToRules(f, rules, receivedAt).map((m) => m.ruleId);

describe("matchFindingToRules", () => {
  it("matches any source when the rule lists none, and only the listed ones otherwise", () => {
    const rules = [
      rule("any", { checks: ["vulnerability"] }),
      rule("grype-only", { sources: ["grype"], checks: ["vulnerability"] }),
    ];
    expect(ids(finding({ source: "trivy" }), rules)).toEqual(["any"]);
    expect(ids(finding({ source: "grype" }), rules)).toEqual(["any", "grype-only"]);
  });

  it("matches only the listed checks", () => {
    const rules = [rule("scans", { checks: ["code-scan", "model-scan"] })];
    expect(ids(finding({ check: "vulnerability" }), rules)).toEqual([]);
    expect(ids(finding({ check: "model-scan" }), rules)).toEqual(["scans"]);
  });

  it("matches pass and fail by default, info and error only when listed", () => {
    const byDefault = rule("default", { checks: ["spend"] });
    const withInfo = rule("with-info", { checks: ["spend"], outcomes: ["info"] });
    const f = (outcome: MatchableFinding["outcome"]) => finding({ check: "spend", outcome, severity: null });
    expect(ids(f("pass"), [byDefault, withInfo])).toEqual(["default"]);
    expect(ids(f("fail"), [byDefault, withInfo])).toEqual(["default"]);
    expect(ids(f("info"), [byDefault, withInfo])).toEqual(["with-info"]);
    expect(ids(f("error"), [byDefault, withInfo])).toEqual([]);
  });

  it("drops failing findings below minSeverity, but keeps passes and failures of unknown severity", () => {
    const rules = [rule("serious", { checks: ["vulnerability"], minSeverity: "high" })];
    expect(ids(finding({ severity: "critical" }), rules)).toEqual(["serious"]);
    expect(ids(finding({ severity: "high" }), rules)).toEqual(["serious"]);
    expect(ids(finding({ severity: "medium" }), rules)).toEqual([]);
    expect(ids(finding({ severity: "info" }), rules)).toEqual([]);
    expect(ids(finding({ outcome: "pass", severity: null }), rules)).toEqual(["serious"]);
    expect(ids(finding({ outcome: "pass", severity: "low" }), rules)).toEqual(["serious"]);
    expect(ids(finding({ severity: null }), rules)).toEqual(["serious"]);
  });

  it("requires every listed attribute to be strictly equal, or one of a listed set", () => {
    const rules = [
      rule("jailbreak", { checks: ["red-team"], attributes: { category: "jailbreak", blocking: true } }),
      rule("count", { checks: ["red-team"], attributes: { attempts: 1 } }),
      rule("either", { checks: ["red-team"], attributes: { category: ["injection", "leakage"] } }),
    ];
    const red = (attributes: MatchableFinding["attributes"]) => finding({ check: "red-team", attributes });
    expect(ids(red({ category: "jailbreak", blocking: true, other: "x" }), rules)).toEqual(["jailbreak"]);
    expect(ids(red({ category: "jailbreak", blocking: "true" }), rules)).toEqual([]);
    expect(ids(red({ category: "jailbreak" }), rules)).toEqual([]);
    expect(ids(red({ attempts: 1 }), rules)).toEqual(["count"]);
    expect(ids(red({ attempts: "1" }), rules)).toEqual([]);
    expect(ids(red({ category: "leakage" }), rules)).toEqual(["either"]);
    expect(ids(red({ category: null }), rules)).toEqual([]);
  });

  it("returns every matching rule in rule order with its requirements and freshness", () => {
    const rules = [rule("b", { checks: ["vulnerability"] }, 7), rule("a", { checks: ["vulnerability"] }, 90)];
    expect(matchFindingToRules(finding(), rules)).toEqual([
      {
        ruleId: "b",
        requirementIds: ["demo-std:b"],
        freshnessDays: 7,
        expiresAt: new Date(Date.parse("2026-01-17T00:00:00Z")),
      },
      {
        ruleId: "a",
        requirementIds: ["demo-std:a"],
        freshnessDays: 90,
        expiresAt: new Date(Date.parse("2026-04-10T00:00:00Z")),
      },
    ]);
  });

  describe("expiry", () => {
    const rules = [rule("r", { checks: ["vulnerability"] }, 10)];
    const receivedAt = new Date("2026-02-01T12:00:00Z");
    const expiry = (observedAt: string | null, received?: Date) =>
      matchFindingToRules(finding({ observedAt }), rules, received).map((m) => m.expiresAt)[0];

    it("counts from observedAt when the finding says", () => {
      expect(expiry("2026-01-10T00:00:00Z", receivedAt)).toEqual(
        new Date(Date.parse("2026-01-10T00:00:00Z") + 10 * DAY),
      );
    });
    it("counts from receivedAt when the finding has no observedAt, or one that does not parse", () => {
      const expected = new Date(receivedAt.getTime() + 10 * DAY);
      expect(expiry(null, receivedAt)).toEqual(expected);
      expect(expiry("yesterday-ish", receivedAt)).toEqual(expected);
    });
    it("never counts from later than receivedAt (a sender's clock cannot extend freshness)", () => {
      expect(expiry("2030-01-01T00:00:00Z", receivedAt)).toEqual(new Date(receivedAt.getTime() + 10 * DAY));
      expect(expiry("2030-01-01T00:00:00Z")).toEqual(new Date(Date.parse("2030-01-01T00:00:00Z") + 10 * DAY));
    });
    it("is null without observedAt and receivedAt", () => {
      expect(expiry(null)).toBeNull();
    });
  });
});
