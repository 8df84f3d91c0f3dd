// The reports benchmark, run as its own process (so its peak memory is its own) on the database in
// DATABASE_URL: an organization of `systems` classified AI systems over the full catalogs, a signed
// report of its snapshot (time, peak RSS), then `files` evidence files cited by a second report and its
// audit pack streamed to a file (time, peak RSS growth), beside the baseline of reading the same bytes
// out of PostgreSQL; the report's baseline is the readiness recomputation that scores the same data.
// Prints one JSON line.
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrgContext } from "../auth/actor.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import { closeDatabase } from "../db/close-database.ts";
import { getDatabase } from "../db/get-database.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { recomputeReadiness } from "../readiness/recompute-readiness.ts";
import { writeAuditPack } from "../reports/write-audit-pack.ts";
import type { ReadinessResult } from "../scoring/scoring-types.ts";
import { classifySystem } from "../systems/classify-system.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";
import { createTestReport } from "../testing/create-test-report.ts";
import { seedCitedEvidence } from "../testing/seed-cited-evidence.ts";
import { measurePeak } from "./measure-peak.ts";

const { systems, files } = JSON.parse(process.argv[2] ?? "{}") as { systems: number; files: number };
const PER_PAIR = 10;
const BODY_BYTES = 16 * 1024;

const db = await getDatabase();
await syncCatalogFromDisk(db.prisma);
const org = await createOrganization(db.prisma, { kind: "cli" }, { slug: "bench-reports", name: "Bench Reports" });
const ctx: OrgContext = { org: { id: org.id, slug: org.slug, name: org.name }, actor: { kind: "cli" }, role: "admin" };
for (let i = 1; i <= systems; i += 1) {
  const system = await createAiSystem(db.prisma, ctx, {
    name: `Bench system ${i}`,
    purpose: "A system of the reports benchmark.",
    owner: "Bench",
    lifecycle: "production",
  });
  await classifySystem(db.prisma, ctx, system.id, {
    operatorRoles: ["provider", "deployer"],
    answers: { isAiSystem: true, interactsWithPersons: true },
  });
}
const scoring = await measurePeak(() => recomputeReadiness(db.prisma, org.id, "manual"));
const first = scoring.value;
const snap = await db.prisma.readinessSnapshot.findUniqueOrThrow({ where: { id: first.snapshotId } });
const result = snap.result as unknown as ReadinessResult;
const requirements = new Set(result.systems.flatMap((s) => s.requirements.map((r) => r.requirementId))).size;
const report = await measurePeak(() => createTestReport(db.prisma, ctx));

// Evidence for the pack: `files` stored bodies, ten per (system, applicable requirement), linked.
const pairs = result.systems
  .flatMap((s) =>
    s.requirements
      .filter((r) => r.applicability.status === "applies")
      .map((r) => [s.systemId, r.requirementId] as const),
  )
  .slice(0, files / PER_PAIR);
const logged = await seedCitedEvidence(db.prisma, org.id, pairs, {
  perPair: PER_PAIR,
  bodyBytes: BODY_BYTES,
  tag: "bench",
});
await recomputeReadiness(db.prisma, org.id, "manual");
const cited = await createTestReport(db.prisma, ctx);
// Baseline: the same evidence bytes read out of PostgreSQL, in the pack's batch size.
const baseline = await measurePeak(async () => {
  let bytes = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.prisma.evidence.findMany({
      where: { orgId: org.id, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, body: true },
    });
    if (rows.length === 0) break;
    for (const r of rows) bytes += r.body.byteLength;
    after = rows[rows.length - 1]?.id ?? after;
  }
  return bytes;
});
const dir = mkdtempSync(join(tmpdir(), "assay-bench-pack-"));
const packFile = join(dir, "pack.zip");
const pack = await measurePeak(() => writeAuditPack(db.prisma, ctx, cited.reportId, createWriteStream(packFile)));
const packBytes = statSync(packFile).size;
rmSync(dir, { recursive: true, force: true });
await closeDatabase();
process.stdout.write(
  `${JSON.stringify({
    systems,
    requirements,
    recompute: { seconds: scoring.seconds },
    report: {
      seconds: report.seconds,
      peakMiB: report.peakMiB,
      growthMiB: report.peakMiB - report.startMiB,
      bytes: report.value.pdf.byteLength,
    },
    pack: {
      files: logged,
      evidence: pack.value.evidence,
      seconds: pack.seconds,
      growthMiB: pack.peakMiB - pack.startMiB,
      bytes: packBytes,
    },
    baseline: { seconds: baseline.seconds, bytes: baseline.value },
  })}\n`,
);
