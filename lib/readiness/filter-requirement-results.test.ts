import { describe, expect, it } from "vitest";
import { allApply, input, item, NODES } from "../scoring/scoring-fixture.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import { filterRequirementResults } from "./filter-requirement-results.ts";
import type { ReadinessNode } from "./list-readiness-nodes.ts";

const nodes = new Map<string, ReadinessNode>(
  NODES.map((n) => [
    n.id,
    { id: n.id, frameworkId: n.frameworkId, parentId: n.parentId, kind: n.kind, ref: n.ref, title: n.title },
  ]),
);
// Two systems: s2 is out of scope for Art. 9(1). Red-team passes for Art. 9(2), MFA fails org-wide.
const twoSystems = input({
  systems: [
    { id: "s1", name: "One", applicability: allApply() },
    {
      id: "s2",
      name: "Two",
      applicability: new Map([...allApply()].filter(([id]) => id !== "act:art-9-1")),
    },
  ],
  items: [
    item({ requirementId: "act:art-9-2", ruleId: "red-team" }),
    item({ requirementId: "zt:identity.auth.mfa", ruleId: "mfa-log", outcome: "fail", source: "litellm" }),
  ],
});
const result = scoreReadiness(twoSystems);
const pairs = (filters: Parameters<typeof filterRequirementResults>[2]) =>
  filterRequirementResults(result, nodes, filters).map((r) => `${r.systemId} ${r.requirementId} ${r.status}`);

describe("filterRequirementResults", () => {
  it("lists every applicable (system, requirement) pair by system in catalog order, named, without not-applicable ones", () => {
    const rows = filterRequirementResults(result, nodes, {});
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({
      systemId: "s1",
      systemName: "One",
      requirementId: "act:art-9-1",
      frameworkId: "act",
      ref: "Art. 9(1)",
      title: "Risk system",
      status: "missing",
    });
    expect(rows.map((r) => r.status)).not.toContain("not-applicable");
    expect(pairs({ statuses: ["not-applicable"] })).toEqual(["s2 act:art-9-1 not-applicable"]);
  });

  it("filters by status, system and framework, together", () => {
    expect(pairs({ statuses: ["failing", "met"] })).toEqual([
      "s1 act:art-9-2 met",
      "s1 zt:identity.auth.mfa failing",
      "s2 act:art-9-2 met",
      "s2 zt:identity.auth.mfa failing",
    ]);
    expect(pairs({ statuses: ["failing"], systemId: "s2" })).toEqual(["s2 zt:identity.auth.mfa failing"]);
    expect(pairs({ systemId: "s2", frameworkId: "act" })).toEqual(["s2 act:art-9-2 met", "s2 act:art-15-5 missing"]);
    expect(pairs({ systemId: "no-such-system" })).toEqual([]);
  });

  it("keeps what lies under a group at any depth (pillar, function, article), or the requirement itself", () => {
    const pillar = pairs({ groupId: "zt:identity", systemId: "s1" });
    expect(pillar).toEqual([
      "s1 zt:identity.auth.mfa failing",
      "s1 zt:identity.auth.phish missing",
      "s1 zt:identity.auth.cont missing",
    ]);
    expect(pairs({ groupId: "zt:identity.auth", systemId: "s1" })).toEqual(pillar);
    expect(pairs({ groupId: "zt:identity", statuses: ["failing", "missing"], systemId: "s1" })).toEqual(pillar);
    expect(pairs({ groupId: "act:art-9" })).toEqual([
      "s1 act:art-9-1 missing",
      "s1 act:art-9-2 met",
      "s2 act:art-9-2 met",
    ]);
    expect(pairs({ groupId: "act:art-15-5", systemId: "s1" })).toEqual(["s1 act:art-15-5 missing"]);
    expect(pairs({ groupId: "act:no-such-node" })).toEqual([]);
  });
});
