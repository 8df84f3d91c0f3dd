// Property test (fast-check, fixed seed, logged) on PostgreSQL and PGlite: scoring "now" from the
// SubjectVerdict rows (kept by the ControlLink triggers) gives what scoring every link gives, for any
// evidence history, links made by hand, removals and expiries that do or do not follow observation time.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Prisma } from "../db/db-types.ts";
import type { Database } from "../db/open-database.ts";
import { getEvidenceRules } from "../ingest/get-evidence-rules.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import type { ReadinessResult } from "../scoring/scoring-types.ts";
import { classifySystem } from "../systems/classify-system.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";
import { openAppStore } from "../testing/open-app-store.ts";
import { seedTestEvidence } from "../testing/seed-test-evidence.ts";
import { loadScoringInput } from "./load-scoring-input.ts";

const seed = 20261125;
console.log("fast-check seed", seed);
const DAY = 86_400_000;

let db: Database;
let cleanup: () => Promise<void>;
let requirementIds: string[] = [];
/** Per requirement, the evidence rules that target it (empty: links made by hand only). */
let rulesOf: string[][] = [];
beforeAll(async () => {
  ({ db, cleanup } = await openAppStore());
  await syncCatalogFromDisk(db.prisma);
  // Three requirements that apply to the systems the property creates (so expectations are judged).
  const probe = await createOrganization(db.prisma, { kind: "cli" }, { slug: "cur-probe", name: "Probe" });
  await createSystems(probe);
  const applies = scoreReadiness(await loadScoringInput(db.prisma, probe.id, new Date()))
    .systems[0]?.requirements.filter((r) => r.applicability.status === "applies")
    .map((r) => r.requirementId);
  // Two that evidence rules target (with their rules) and one only links made by hand can meet.
  const rules = getEvidenceRules();
  const targeted = [...new Set(applies)].sort().filter((id) => rules.some((r) => r.requirements.includes(id)));
  const manual = [...new Set(applies)].sort().find((id) => !rules.some((r) => r.requirements.includes(id)));
  requirementIds = [...targeted.slice(0, 2), ...(manual ? [manual] : [])];
  rulesOf = requirementIds.map((id) => rules.filter((r) => r.requirements.includes(id)).map((r) => r.id));
  expect(requirementIds).toHaveLength(3);
}, 120_000);
afterAll(async () => cleanup());

async function createSystems(org: { id: string; slug: string; name: string }): Promise<string[]> {
  const ctx = { org, actor: { kind: "cli" as const }, role: "admin" as const };
  const systems: string[] = [];
  for (const name of ["A", "B"]) {
    const s = await createAiSystem(db.prisma, ctx, { name, purpose: "p", owner: "o", lifecycle: "production" });
    await classifySystem(db.prisma, ctx, s.id, {
      operatorRoles: ["provider", "deployer"],
      answers: { isAiSystem: true, interactsWithPersons: true },
    });
    systems.push(s.id);
  }
  return systems;
}

const linkArb = fc.record({
  requirement: fc.constantFrom(0, 0, 1, 2),
  /** Which of the requirement's rules made the link (past the list: a link made by hand). */
  rule: fc.constantFrom(0, 0, 0, 1, 5),
  /** Days of freshness after the finding's time; negative values make expiry not follow observation. */
  freshDays: fc.integer({ min: -30, max: 120 }),
  removed: fc.boolean(),
  /** Written by a later statement (a link made by hand afterwards, out of order). */
  late: fc.boolean(),
});
const evidenceArb = fc.record({
  system: fc.constantFrom(0, 0, 0, 1, null),
  receivedDaysAgo: fc.integer({ min: 0, max: 200 }),
  effectiveDaysEarlier: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  findings: fc.array(
    fc.record({
      subject: fc.constantFrom("model:a", "model:a", "repo:c"),
      outcome: fc.constantFrom("pass", "fail", "info"),
      observedDaysEarlier: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
      links: fc.array(linkArb, { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** What must agree: every status, every expectation's verdict, the stale evidence and (when not cut off) the cited evidence. */
function decisions(result: ReadinessResult) {
  return result.systems.flatMap((s) =>
    s.requirements
      .filter((r) => requirementIds.includes(r.requirementId))
      .map((r) => ({
        system: s.systemId,
        requirement: r.requirementId,
        status: r.status,
        evidenceStatus: r.evidenceStatus,
        expectations: r.expectations.map((e) => ({
          id: e.id,
          verdict: e.verdict,
          lastSeen: e.lastSeen?.evidenceId ?? null,
          decidedBy: e.decidedBy.length >= 10 ? "cut" : [...new Set(e.decidedBy.map((d) => d.evidenceId))].sort(),
        })),
      })),
  );
}

describe(`current readiness items on ${process.env.ASSAY_TEST_STORE ?? "postgres"}`, () => {
  it("scores the same from the deciding evidence as from every link, now and as the evidence expires", async () => {
    let run = 0;
    const verdicts = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(evidenceArb, { minLength: 1, maxLength: 16 }), async (history) => {
        run += 1;
        const org = await createOrganization(
          db.prisma,
          { kind: "cli" },
          { slug: `cur-${run}-${randomUUID().slice(0, 8)}`, name: `Current ${run}` },
        );
        const systems = await createSystems(org);
        const now = Date.now();
        const removals: string[] = [];
        const late: Prisma.ControlLinkCreateManyInput[] = [];
        for (const [i, ev] of history.entries()) {
          // Distinct times per piece of evidence and finding, so no two pieces of evidence tie.
          const receivedAt = new Date(now - ev.receivedDaysAgo * DAY - i * 1000 - 60_000);
          const evidenceId = await seedTestEvidence(db.prisma, {
            orgId: org.id,
            systemId: ev.system === null ? null : systems[ev.system],
            receivedAt,
            effectiveAt:
              ev.effectiveDaysEarlier === null ? null : new Date(receivedAt.getTime() - ev.effectiveDaysEarlier * DAY),
          });
          await db.prisma.finding.createMany({
            data: ev.findings.map((f, k) => ({
              orgId: org.id,
              evidenceId,
              key: `f${k}`,
              subjectKind: f.subject.split(":")[0] ?? "model",
              subjectName: f.subject.split(":")[1] ?? "a",
              check: "test",
              outcome: f.outcome,
              title: "t",
              observedAt:
                f.observedDaysEarlier === null
                  ? null
                  : new Date(receivedAt.getTime() - f.observedDaysEarlier * DAY - k),
            })),
          });
          const links = ev.findings.flatMap((f, k) => {
            const base = receivedAt.getTime() - (f.observedDaysEarlier ?? 0) * DAY;
            return f.links.map((l) => ({
              id: randomUUID(),
              orgId: org.id,
              evidenceId,
              findingKey: `f${k}`,
              requirementId: requirementIds[l.requirement] ?? "",
              ruleId: rulesOf[l.requirement]?.[l.rule] ?? null,
              outcome: f.outcome,
              expiresAt: rulesOf[l.requirement]?.[l.rule] === undefined ? null : new Date(base + l.freshDays * DAY),
              removed: l.removed,
              late: l.late,
            }));
          });
          // One statement per piece of evidence, as the mapper writes them (duplicates skipped).
          const row = ({ removed: _removed, late: _late, ...l }: (typeof links)[number]) => l;
          await db.prisma.controlLink.createMany({ data: links.filter((l) => !l.late).map(row), skipDuplicates: true });
          late.push(...links.filter((l) => l.late).map(row));
          removals.push(...links.filter((l) => l.removed).map((l) => l.id));
        }
        for (const link of late) await db.prisma.controlLink.createMany({ data: [link], skipDuplicates: true });
        await db.prisma.controlLink.updateMany({
          where: { id: { in: removals } },
          data: { removedAt: new Date(now - 1000) },
        });
        for (const days of [0, 20, 90]) {
          const asOf = new Date(now + days * DAY);
          const full = scoreReadiness(await loadScoringInput(db.prisma, org.id, asOf));
          const current = scoreReadiness(await loadScoringInput(db.prisma, org.id, asOf, { current: true }));
          expect(decisions(current)).toEqual(decisions(full));
        }
        // Merged statement by statement, the verdicts equal a recomputation from scratch.
        const kept = await db.prisma.subjectVerdict.findMany({
          where: { orgId: org.id },
          orderBy: [{ requirementId: "asc" }, { ruleKey: "asc" }, { systemKey: "asc" }, { subject: "asc" }],
        });
        for (const id of requirementIds) {
          await db.prisma.$executeRawUnsafe(`SELECT "assay_refresh_subject_verdicts"($1::uuid, $2)`, org.id, id);
        }
        const rebuilt = await db.prisma.subjectVerdict.findMany({
          where: { orgId: org.id },
          orderBy: [{ requirementId: "asc" }, { ruleKey: "asc" }, { systemKey: "asc" }, { subject: "asc" }],
        });
        expect(kept).toEqual(rebuilt);
        for (const d of decisions(scoreReadiness(await loadScoringInput(db.prisma, org.id, new Date(now))))) {
          for (const e of d.expectations) verdicts.add(e.verdict);
        }
      }),
      { seed, numRuns: 40 },
    );
    // The histories reached every verdict, so the comparison judged real evidence.
    expect([...verdicts].sort()).toEqual(["failing", "met", "missing", "stale"]);
  }, 300_000);
});
