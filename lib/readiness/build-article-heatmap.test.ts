import { describe, expect, it } from "vitest";
import { allApply, input, item, NODES, waiver } from "../scoring/scoring-fixture.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import { READINESS_STATUSES, type StatusCounts } from "../scoring/scoring-types.ts";
import { buildArticleHeatmap } from "./build-article-heatmap.ts";
import { worstStatus } from "./worst-status.ts";

const counts = (over: Partial<StatusCounts>): StatusCounts => ({
  ...(Object.fromEntries(READINESS_STATUSES.map((s) => [s, 0])) as StatusCounts),
  ...over,
});

describe("worstStatus", () => {
  it("orders failing > stale > missing > partial > waived > met, and is not-applicable when nothing counts", () => {
    expect(worstStatus(counts({ met: 3, failing: 1, stale: 2 }))).toBe("failing");
    expect(worstStatus(counts({ met: 3, missing: 1, stale: 2 }))).toBe("stale");
    expect(worstStatus(counts({ partial: 1, missing: 1 }))).toBe("missing");
    expect(worstStatus(counts({ partial: 1, waived: 1, met: 1 }))).toBe("partial");
    expect(worstStatus(counts({ waived: 1, met: 4 }))).toBe("waived");
    expect(worstStatus(counts({ met: 1, "not-applicable": 5 }))).toBe("met");
    expect(worstStatus(counts({ "not-applicable": 5 }))).toBe("not-applicable");
  });
});

describe("buildArticleHeatmap", () => {
  it("gives systems x articles (the parents of requirements), each cell the worst applicable status", () => {
    const result = scoreReadiness(
      input({
        systems: [
          { id: "s1", name: "One", applicability: allApply() },
          {
            id: "s2",
            name: "Two",
            applicability: new Map([...allApply()].filter(([id]) => !id.startsWith("act:art-9"))),
          },
        ],
        items: [
          item({ requirementId: "act:art-9-2", ruleId: "red-team" }),
          item({ requirementId: "act:art-15-5", ruleId: "red-team", outcome: "fail", systemId: "s1" }),
        ],
        waivers: [waiver({ requirementId: "act:art-15-5", systemId: "s2" })],
      }),
    );
    const nodes = NODES.map((n) => ({ ...n, stage: undefined }));
    const heatmap = buildArticleHeatmap(result, nodes, "act");
    expect(heatmap.articles.map((a) => a.ref)).toEqual(["Art. 9", "Art. 15"]);
    expect(heatmap.hidden).toBe(0);
    const cells = heatmap.rows.map((r) => `${r.name}: ${r.cells.map((c) => c.status).join(", ")}`);
    expect(cells).toEqual(["One: missing, failing", "Two: not-applicable, waived"]);
    expect(heatmap.rows[0]?.cells[0]).toMatchObject({ applicable: 2, counts: { met: 1, missing: 1 } });
  });

  it("leaves out articles that apply to no system", () => {
    const result = scoreReadiness(
      input({
        systems: [
          { id: "s1", name: "One", applicability: new Map([...allApply()].filter(([id]) => id !== "act:art-15-5")) },
        ],
      }),
    );
    const heatmap = buildArticleHeatmap(result, NODES, "act");
    expect(heatmap.articles.map((a) => a.id)).toEqual(["act:art-9"]);
    expect(heatmap.hidden).toBe(1);
    expect(heatmap.rows[0]?.cells).toHaveLength(1);
  });
});
