// Property-based tests of the readiness math (fast-check, fixed seed, logged).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY, NODES, RULES, T0, allApply } from "./scoring-fixture.ts";
import { scoreReadiness } from "./score-readiness.ts";
import type { EvidenceItem, ReadinessResult, ScoringInput, Tally, Waiver } from "./scoring-types.ts";

const seed = 20261124;
console.log("fast-check seed", seed);

const requirementIds = NODES.filter((n) => n.kind === "requirement").map((n) => n.id);
const systems = [
  { id: "s1", name: "One", applicability: allApply() },
  { id: "s2", name: "Two", applicability: allApply() },
];
const asOf = new Date(T0.getTime() + 40 * DAY);
const time = fc.integer({ min: 0, max: 80 }).map((d) => new Date(T0.getTime() + d * DAY));

function ruleIdsFor(requirementId: string): (string | null)[] {
  return [null, ...RULES.filter((r) => r.requirementIds.includes(requirementId)).map((r) => r.id)];
}

const evidenceItem = (outcome?: fc.Arbitrary<EvidenceItem["outcome"]>): fc.Arbitrary<EvidenceItem> =>
  fc
    .record({
      requirementId: fc.constantFrom(...requirementIds),
      pick: fc.nat(),
      outcome: outcome ?? fc.constantFrom("pass", "fail", "info"),
      evidenceId: fc.constantFrom("e1", "e2", "e3", "e4", "e5", "e6"),
      subject: fc.constantFrom("model:a", "model:b", "repo:x"),
      systemId: fc.constantFrom(null, "s1", "s2"),
      observedAt: time,
      freshness: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
      removed: fc.option(time, { nil: null, freq: 8 }),
    })
    .map((r) => {
      const rules = ruleIdsFor(r.requirementId);
      return {
        linkId: `l-${r.pick}`,
        requirementId: r.requirementId,
        ruleId: rules[r.pick % rules.length] ?? null,
        outcome: r.outcome,
        findingKey: null,
        evidenceId: r.evidenceId,
        subject: r.subject,
        systemId: r.systemId,
        source: "garak",
        sha256: "00",
        receivedAt: r.observedAt,
        observedAt: r.observedAt,
        expiresAt: r.freshness === null ? null : new Date(r.observedAt.getTime() + r.freshness * DAY),
        removedAt: r.removed,
        justification: null,
      };
    });

const waiverArb: fc.Arbitrary<Waiver> = fc
  .record({
    requirementId: fc.constantFrom(...requirementIds),
    systemId: fc.constantFrom(null, "s1", "s2"),
    createdAt: time,
    days: fc.integer({ min: 1, max: 60 }),
    id: fc.uuid(),
  })
  .map((w) => ({
    id: w.id,
    requirementId: w.requirementId,
    systemId: w.systemId,
    reason: "r",
    compensatingControl: "c",
    approvedBy: "a",
    createdAt: w.createdAt,
    expiresAt: new Date(w.createdAt.getTime() + w.days * DAY),
    revokedAt: null,
  }));

const scenario = fc.record({
  items: fc.array(evidenceItem(), { maxLength: 25 }),
  waivers: fc.array(waiverArb, { maxLength: 4 }),
});

function build(items: EvidenceItem[], waivers: Waiver[], only?: string): ScoringInput {
  return {
    asOf,
    nodes: NODES,
    rules: RULES,
    systems: only ? systems.filter((s) => s.id === only) : systems,
    items,
    waivers,
  };
}

/** Every tally of a result with a key, so two results can be compared score by score. */
function tallies(r: ReadinessResult): Map<string, Tally> {
  const map = new Map<string, Tally>([["org", r.tally]]);
  for (const [fw, t] of Object.entries(r.frameworks)) map.set(`fw:${fw}`, t);
  for (const g of r.groups) map.set(`group:${g.nodeId}`, g.tally);
  for (const s of r.systems) {
    map.set(`system:${s.systemId}`, s.tally);
    for (const [fw, t] of Object.entries(s.frameworks)) map.set(`system:${s.systemId}:${fw}`, t);
    for (const g of s.groups) map.set(`system:${s.systemId}:${g.nodeId}`, g.tally);
  }
  return map;
}

describe("readiness properties", () => {
  it("adding a passing piece of evidence never lowers any score", () => {
    fc.assert(
      fc.property(scenario, evidenceItem(fc.constant("pass")), ({ items, waivers }, extra) => {
        const before = tallies(scoreReadiness(build(items, waivers)));
        const after = tallies(
          scoreReadiness(build([...items, { ...extra, evidenceId: "new", linkId: "new" }], waivers)),
        );
        for (const [key, t] of before) {
          const a = after.get(key);
          if (t.score === null || a?.score === null || a === undefined) continue;
          // Compare exact fractions, not rounded percentages.
          expect(a.points * t.maxPoints, key).toBeGreaterThanOrEqual(t.points * a.maxPoints);
        }
      }),
      { seed, numRuns: 400 },
    );
  });

  it("a waiver never raises a requirement to met or partial: it is waived, or unchanged", () => {
    fc.assert(
      fc.property(scenario, waiverArb, ({ items, waivers }, extra) => {
        const before = scoreReadiness(build(items, waivers));
        const after = scoreReadiness(build(items, [...waivers, extra]));
        before.systems.forEach((s, i) => {
          s.requirements.forEach((r, j) => {
            const next = after.systems[i]?.requirements[j];
            expect(next?.evidenceStatus).toBe(r.evidenceStatus);
            if (next?.status !== r.status) expect(next?.status).toBe("waived");
          });
        });
        expect(after.tally.counts.met).toBeLessThanOrEqual(before.tally.counts.met);
        expect(after.tally.counts.partial).toBeLessThanOrEqual(before.tally.counts.partial);
        const raised = after.tally.counts.waived - before.tally.counts.waived;
        const lowered = ["partial", "failing", "missing", "stale"] as const;
        expect(lowered.reduce((n, k) => n + before.tally.counts[k] - after.tally.counts[k], 0)).toBe(raised);
      }),
      { seed, numRuns: 400 },
    );
  });

  it("the roll-up of a single system equals that system's score, and the organization's counts are the systems' sum", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom("s1", "s2"), ({ items, waivers }, only) => {
        const single = scoreReadiness(build(items, waivers, only));
        expect(single.tally).toEqual(single.systems[0]?.tally);
        expect(single.frameworks).toEqual(single.systems[0]?.frameworks);
        const both = scoreReadiness(build(items, waivers));
        const system = both.systems.find((s) => s.systemId === only);
        expect(system?.tally).toEqual(single.tally);
        const sum = both.systems.reduce((n, s) => n + s.tally.points, 0);
        expect(both.tally.points).toBe(sum);
      }),
      { seed, numRuns: 300 },
    );
  });
});
