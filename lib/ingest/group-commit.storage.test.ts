import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { JOBS } from "../jobs/job-names.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { openAppStore } from "../testing/open-app-store.ts";
import type { EvidenceRecord } from "./ingest-types.ts";
import { storeEvidence } from "./store-evidence.ts";

let db: Database;
let cleanup: () => Promise<void>;
let orgId = "";
beforeAll(async () => {
  ({ db, cleanup } = await openAppStore());
  orgId = (await createOrganization(db.prisma, { kind: "cli" }, { slug: "group", name: "Group commit" })).id;
});
afterAll(async () => cleanup());

function record(
  deliveryId: string,
  text = `{"delivery":"${deliveryId}"}`,
  eventType = "bench.delivery",
): EvidenceRecord {
  const raw = new TextEncoder().encode(text);
  return {
    orgId,
    integrationId: null,
    apiTokenId: null,
    systemId: null,
    source: "standard-webhooks",
    eventType,
    scheme: "standard-webhooks",
    identity: "test",
    deliveryId,
    dedupeKey: `delivery:test:${deliveryId}`,
    contentType: "application/json",
    headers: {},
    raw,
    sha256: createHash("sha256").update(raw).digest("hex"),
    receivedAt: new Date(),
    effectiveAt: null,
    result: { findings: 0, failing: 0, requirements: [], unmapped: [] },
  };
}

describe(`group commit of concurrent deliveries (${process.env.ASSAY_TEST_STORE ?? "postgres"})`, () => {
  it("shares transactions among concurrent deliveries, each answered after its commit with its own result", async () => {
    const first = await Promise.all(Array.from({ length: 100 }, (_, i) => storeEvidence(db.prisma, record(`g${i}`))));
    // Redeliveries (same bytes) and a replay with other bytes, concurrent with ten new deliveries.
    const second = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => storeEvidence(db.prisma, record(`g${i}`))),
      storeEvidence(db.prisma, record("g50", '{"changed":true}')),
      ...Array.from({ length: 10 }, (_, i) => storeEvidence(db.prisma, record(`h${i}`))),
    ]);
    expect(first.every((r) => !r.duplicate)).toBe(true);
    expect(new Set(first.map((r) => r.evidenceId)).size).toBe(100);
    const values = second.map((s) => (s.status === "fulfilled" ? s.value : null));
    expect(values.slice(0, 10).map((v) => v?.evidenceId)).toEqual(first.slice(0, 10).map((r) => r.evidenceId));
    expect(values.slice(0, 10).every((v) => v?.duplicate)).toBe(true);
    expect(second[10]).toMatchObject({ status: "rejected", reason: { code: "conflict" } });
    expect(values.slice(11).every((v) => v && !v.duplicate)).toBe(true);

    const rows = await db.prisma.evidence.count({ where: { orgId } });
    expect(rows).toBe(110);
    // Fewer transactions than rows: concurrent deliveries shared commits (each row's xmin is its transaction).
    const [tx] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT xmin::text)::int AS n FROM "Evidence" WHERE "orgId" = ${orgId}::uuid`;
    console.log(`group commit: ${rows} rows in ${tx?.n} transactions`);
    expect(tx?.n).toBeLessThan(rows / 2);
    // One leaf per stored row, the organization's positions without a gap, and one mapping job each.
    const leaves = await db.prisma.logLeaf.findMany({
      where: { orgId },
      select: { seq: true, kind: true },
      orderBy: { seq: "asc" },
    });
    expect(leaves.filter((l) => l.kind === "evidence")).toHaveLength(110);
    expect(leaves.map((l) => Number(l.seq))).toEqual(leaves.map((_, i) => i));
    const [stats] = await (await getJobQueue()).getQueueStats(JOBS.mapEvidence);
    expect(stats?.queuedCount).toBe(110);
  });

  it("a delivery the database refuses fails alone: the others of its batch are stored", async () => {
    const lead = storeEvidence(db.prisma, record("k-lead"));
    const rest = Array.from({ length: 20 }, (_, i) =>
      storeEvidence(db.prisma, i === 7 ? record("k-bad", '{"x":1}', "bad\u0000type") : record(`k${i}`)),
    );
    const settled = await Promise.allSettled([lead, ...rest]);
    expect(settled.filter((s) => s.status === "rejected")).toHaveLength(1);
    expect(settled[8]).toMatchObject({ status: "rejected" });
    expect(await db.prisma.evidence.count({ where: { orgId, deliveryId: { startsWith: "k" } } })).toBe(20);
  });
});
