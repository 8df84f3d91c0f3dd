import { describe, expect, it } from "vitest";
import { countStatuses } from "./count-statuses.ts";
import { decideFunctionStage } from "./decide-function-stage.ts";
import { lowestStage } from "./lowest-stage.ts";
import { sumCounts } from "./sum-counts.ts";
import { tallyCounts } from "./tally-counts.ts";

describe("tallyCounts", () => {
  it("gives two points per met and one per partial, out of two per counted requirement", () => {
    const t = tallyCounts(countStatuses(["met", "partial", "failing", "missing", "stale", "waived", "not-applicable"]));
    expect(t).toMatchObject({ points: 3, maxPoints: 10, score: 30 });
  });
  it("leaves waived and not-applicable out, and has no score when nothing counts", () => {
    expect(tallyCounts(countStatuses(["waived", "not-applicable"])).score).toBeNull();
    expect(tallyCounts(countStatuses(["met", "waived"])).score).toBe(100);
  });
  it("rounds to one decimal", () => {
    expect(tallyCounts(countStatuses(["met", "missing", "missing"])).score).toBe(33.3);
  });
  it("adds counts exactly", () => {
    const a = countStatuses(["met", "failing"]);
    const b = countStatuses(["partial"]);
    expect(sumCounts([a, b])).toEqual(countStatuses(["met", "failing", "partial"]));
  });
});

describe("decideFunctionStage", () => {
  const c = (
    id: string,
    stage: "initial" | "advanced" | "optimal",
    status: "met" | "failing" | "waived" | "not-applicable",
  ) => ({ id, stage, status });
  it("climbs while every control of each stage is met", () => {
    expect(
      decideFunctionStage([c("a", "initial", "met"), c("b", "advanced", "met"), c("c", "optimal", "failing")]),
    ).toEqual({
      stage: "advanced",
      nextStageGaps: ["c"],
    });
    expect(
      decideFunctionStage([c("a", "initial", "met"), c("b", "advanced", "met"), c("c", "optimal", "met")]).stage,
    ).toBe("optimal");
  });
  it("stays traditional when an initial control is not met; a waiver is not maturity", () => {
    expect(decideFunctionStage([c("a", "initial", "waived"), c("b", "advanced", "met")])).toEqual({
      stage: "traditional",
      nextStageGaps: ["a"],
    });
  });
  it("leaves not-applicable controls out and stays traditional with none applicable", () => {
    expect(decideFunctionStage([c("a", "initial", "not-applicable"), c("b", "advanced", "met")]).stage).toBe("optimal");
    expect(decideFunctionStage([c("a", "initial", "not-applicable")]).stage).toBe("traditional");
  });
  it("a pillar takes its lowest function's stage", () => {
    expect(lowestStage(["optimal", "initial", "advanced"])).toBe("initial");
    expect(lowestStage([])).toBe("traditional");
  });
});
