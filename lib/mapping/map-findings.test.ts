import { describe, expect, it } from "vitest";
import { evidenceRuleSchema } from "../catalog/rule-schema.ts";
import type { MatchableFinding } from "./mapping-types.ts";
import { mapFindings } from "./map-findings.ts";

const rules = [
  evidenceRuleSchema.parse({
    id: "red-team",
    title: "Red team",
    summary: "For tests.",
    match: { sources: ["garak"], checks: ["red-team"] },
    requirements: ["demo-std:testing", "demo-act:art-15"],
    freshnessDays: 90,
  }),
  evidenceRuleSchema.parse({
    id: "red-team-context",
    title: "Red-team context",
    summary: "For tests.",
    match: { checks: ["red-team"], outcomes: ["info"] },
    requirements: ["demo-std:testing"],
    freshnessDays: 30,
  }),
];

const base: MatchableFinding = {
  key: "k",
  check: "red-team",
  outcome: "fail",
  severity: "high",
  observedAt: null,
  attributes: {},
};
const receivedAt = new Date("2026-03-01T00:00:00Z");
const plus = (days: number) => new Date(receivedAt.getTime() + days * 24 * 60 * 60 * 1000);

describe("mapFindings", () => {
  it("links each matched finding to each requirement of each rule, carrying its outcome", () => {
    const result = mapFindings("garak", [{ ...base, key: "dan" }], rules, receivedAt);
    expect(result).toEqual({
      links: [
        {
          findingKey: "dan",
          ruleId: "red-team",
          requirementId: "demo-std:testing",
          outcome: "fail",
          expiresAt: plus(90),
        },
        {
          findingKey: "dan",
          ruleId: "red-team",
          requirementId: "demo-act:art-15",
          outcome: "fail",
          expiresAt: plus(90),
        },
      ],
      unmapped: [],
    });
  });

  it("reports findings no rule matches as unmapped, info and error included unless a rule lists them", () => {
    const result = mapFindings(
      "promptfoo",
      [
        { ...base, key: "other-source" },
        { ...base, key: "summary", outcome: "info", severity: null },
        { ...base, key: "crashed", outcome: "error", severity: null },
        { ...base, key: "note", check: "event", outcome: "info", severity: null },
      ],
      rules,
      receivedAt,
    );
    expect(result.links).toEqual([
      {
        findingKey: "summary",
        ruleId: "red-team-context",
        requirementId: "demo-std:testing",
        outcome: "info",
        expiresAt: plus(30),
      },
    ]);
    expect(result.unmapped).toEqual(["other-source", "crashed", "note"]);
  });

  it("expires links from observedAt when the finding has one", () => {
    const { links } = mapFindings("garak", [{ ...base, observedAt: "2026-02-01T00:00:00Z" }], rules, receivedAt);
    expect(links.map((l) => l.expiresAt.toISOString())).toEqual([
      "2026-05-02T00:00:00.000Z",
      "2026-05-02T00:00:00.000Z",
    ]);
  });

  it("adds no duplicate link or unmapped key for a repeated finding key", () => {
    const result = mapFindings(
      "garak",
      [base, base, { ...base, key: "x", check: "event" }, { ...base, key: "x", check: "event" }],
      rules,
      receivedAt,
    );
    expect(result.links).toHaveLength(2);
    expect(result.unmapped).toEqual(["x"]);
  });

  it("maps nothing without rules", () => {
    expect(mapFindings("garak", [base], [], receivedAt)).toEqual({ links: [], unmapped: ["k"] });
  });
});
