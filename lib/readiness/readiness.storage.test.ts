import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { resolveOrgContext } from "../orgs/resolve-org-context.ts";
import { seedDemo } from "../seed/seed-demo.ts";
import { openAppStore } from "../testing/open-app-store.ts";
import { computeReadiness } from "./compute-readiness.ts";
import { listReadinessTrend } from "./list-readiness-trend.ts";
import { recomputeReadiness } from "./recompute-readiness.ts";

let db: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await openAppStore());
  await syncCatalogFromDisk(db.prisma);
});
afterAll(async () => cleanup());

describe(`readiness on ${process.env.ASSAY_TEST_STORE ?? "postgres"}`, () => {
  it("loads links, findings, evidence and waivers, scores them, and stores a snapshot that feeds the trend", async () => {
    const now = new Date();
    await seedDemo(db.prisma, now);
    const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, "demo");
    const live = await computeReadiness(db.prisma, ctx, { asOf: now.toISOString() });
    expect(live.tally.counts).toMatchObject({ waived: 1 });
    expect(live.tally.counts.met).toBeGreaterThan(0);
    expect(live.tally.counts.failing).toBeGreaterThan(0);
    const done = await recomputeReadiness(db.prisma, ctx.org.id, "manual", now);
    expect(done).toMatchObject({ stored: true, score: live.tally.score });
    const trend = await listReadinessTrend(db.prisma, ctx, 90, now);
    expect(trend.at(-1)).toMatchObject({
      snapshotId: done.snapshotId,
      trigger: "manual",
      summary: { score: live.tally.score },
    });
  });
});
