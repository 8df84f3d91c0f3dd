import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "../auth/actor.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { recomputeReadiness } from "../readiness/recompute-readiness.ts";
import type { ReadinessResult } from "../scoring/scoring-types.ts";
import { classifySystem } from "../systems/classify-system.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";
import { createTestReport } from "../testing/create-test-report.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { seedCitedEvidence } from "../testing/seed-cited-evidence.ts";
import { rewriteZip } from "../testing/zip-entries.ts";
import { verifyFile } from "./verify-file.ts";
import { writeAuditPack } from "./write-audit-pack.ts";

const FILES = 10_000;
const PER_PAIR = 10;
const SYSTEMS = 8;
const BODY_BYTES = 16 * 1024;
/** The evidence alone is FILES x BODY_BYTES = 160 MiB; the pack may hold only a bounded part of it. */
const MAX_GROWTH_BYTES = 100 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "assay-pack-scale-"));
const pack = join(dir, "pack.zip");
let db: Database;
let cleanup: () => Promise<void>;
let ctx: OrgContext;
let reportId: string;

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  const org = await createOrganization(db.prisma, { kind: "cli" }, { slug: "scale", name: "Scale Corp" });
  ctx = { org: { id: org.id, slug: org.slug, name: org.name }, actor: { kind: "cli" }, role: "admin" };
  for (let i = 1; i <= SYSTEMS; i += 1) {
    const system = await createAiSystem(db.prisma, ctx, {
      name: `Scale system ${i}`,
      purpose: "Holds a share of ten thousand pieces of evidence.",
      owner: "Bench",
      lifecycle: "production",
    });
    await classifySystem(db.prisma, ctx, system.id, { operatorRoles: ["deployer"], answers: { isAiSystem: true } });
  }
  // A snapshot cites at most 10 pieces of evidence per requirement and system (lib/scoring), so ten
  // thousand cited files take a thousand (system, applicable requirement) pairs with ten each.
  const first = await recomputeReadiness(db.prisma, org.id, "manual");
  const snap = await db.prisma.readinessSnapshot.findUniqueOrThrow({ where: { id: first.snapshotId } });
  const pairs = (snap.result as unknown as ReadinessResult).systems
    .flatMap((sys) =>
      sys.requirements
        .filter((r) => r.applicability.status === "applies")
        .map((r) => [sys.systemId, r.requirementId] as const),
    )
    .slice(0, FILES / PER_PAIR);
  expect(pairs).toHaveLength(FILES / PER_PAIR);
  expect(
    await seedCitedEvidence(db.prisma, org.id, pairs, { perPair: PER_PAIR, bodyBytes: BODY_BYTES, tag: "scale" }),
  ).toBe(FILES);
  await recomputeReadiness(db.prisma, org.id, "manual");
  const started = performance.now();
  ({ reportId } = await createTestReport(db.prisma, ctx));
  const report = await db.prisma.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { pageCount: true, sizeBytes: true },
  });
  console.log(
    `report with ${FILES} cited evidence files: ${report.pageCount} pages, ${report.sizeBytes} bytes, generated and signed in ${Math.round(performance.now() - started)} ms`,
  );
}, 600_000);
afterAll(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe(`an audit pack with ${FILES.toLocaleString("en")} evidence files`, () => {
  it("is written with bounded memory and verifies; any file changed, removed or added is caught", async () => {
    // Live memory: each sample collects garbage first (vitest runs with --expose-gc), so what is
    // measured is what the pack holds, not what the collector has not reclaimed yet.
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(typeof gc, "run with node --expose-gc").toBe("function");
    const live = () => {
      gc?.();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const base = live();
    let peak = 0;
    const sample = () => {
      peak = Math.max(peak, live() - base);
    };
    const timer = setInterval(sample, 250);
    const started = performance.now();
    const written = await writeAuditPack(db.prisma, ctx, reportId, createWriteStream(pack));
    const ms = performance.now() - started;
    clearInterval(timer);
    sample();
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `audit pack: ${written.evidence} evidence files, ${mib(statSync(pack).size)} MiB zip from ${mib(FILES * BODY_BYTES)} MiB evidence in ${Math.round(ms)} ms; peak live heap+buffers growth ${mib(peak)} MiB`,
    );
    expect(written.evidence).toBe(FILES);
    expect(peak).toBeLessThan(MAX_GROWTH_BYTES);

    const verdict = await verifyFile(pack);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    const evidenceName = `evidence/${(await db.prisma.evidence.findFirstOrThrow({ where: { orgId: ctx.org.id }, select: { id: true } })).id}.json`;
    for (const [label, edit] of [
      ["changed", { change: evidenceName }],
      ["removed", { remove: evidenceName }],
      ["added", { add: ["evidence/00000000-0000-4000-8000-000000000000.json", Buffer.from("{}")] as [string, Buffer] }],
    ] as const) {
      const path = join(dir, `${label}.zip`);
      await rewriteZip(pack, path, edit);
      const result = await verifyFile(path);
      expect(result.ok, label).toBe(false);
      // The log proofs fail too: a changed or removed file is not the one logged, an added one has no proof.
      expect(
        result.checks.filter((c) => !c.ok).map((c) => c.name),
        label,
      ).toEqual(["every file hash", "log inclusion proofs"]);
    }
  }, 600_000);
});
