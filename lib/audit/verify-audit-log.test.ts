import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "../db/db-types.ts";
import { PrismaClient } from "../db/generated/client.ts";
import type { Database } from "../db/open-database.ts";
import { DEMO_SLUG, seedDemo } from "../seed/seed-demo.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { appendLogLeaf } from "./append-log-leaf.ts";
import { verifyAuditLog } from "./verify-audit-log.ts";
import { writeLogCheckpoint } from "./write-log-checkpoint.ts";

let db: Database;
let cleanup: () => Promise<void>;
/** The database owner (superuser here): the application's own role could not tamper like this. */
let owner: PrismaClient;
let ownerPool: pg.Pool;
let orgId: string;
let evidenceId: string;
let auditId: string;

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  ownerPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  owner = new PrismaClient({ adapter: new PrismaPg(ownerPool) });
  await syncCatalogFromDisk(db.prisma);
  await seedDemo(db.prisma, new Date());
  orgId = (await db.prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).id;
  await writeLogCheckpoint(db.prisma, orgId);
  const leaves = await db.prisma.logLeaf.findMany({ where: { orgId }, orderBy: { seq: "asc" } });
  evidenceId = leaves.find((l) => l.kind === "evidence")?.refId ?? "";
  auditId = leaves.find((l) => l.kind === "audit")?.refId ?? "";
}, 120_000);
afterAll(async () => {
  await owner.$disconnect();
  await ownerPool.end();
  await cleanup();
});

class Rollback extends Error {}

/**
 * Runs `tamper` as the database superuser with triggers (append-only guards, foreign keys) switched off,
 * verifies the log inside the same transaction, then rolls everything back.
 */
async function afterTampering(tamper: (tx: Db) => Promise<unknown>) {
  let verdict: Awaited<ReturnType<typeof verifyAuditLog>> | undefined;
  await owner
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
        await tamper(tx);
        verdict = await verifyAuditLog(tx, orgId);
        throw new Rollback();
      },
      { timeout: 60_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  if (!verdict) throw new Error("no verdict");
  return verdict;
}

describe("the tamper-evident log against direct database tampering (as the superuser)", () => {
  it("verifies the untouched log: every evidence and audit row has its leaf, the checkpoint holds", async () => {
    const verdict = await verifyAuditLog(db.prisma, orgId);
    expect(verdict.first).toBeNull();
    expect(verdict.leaves).toBeGreaterThan(10);
    expect(verdict.checkpoints).toBe(1);
    const cli = await runAssayCli(["audit", "verify", "--org", DEMO_SLUG], {});
    expect(cli.stdout).toMatch(/verified: \d+ leaves, 1 signed checkpoints/);
    expect(cli.code).toBe(0);
  });

  const cases: [string, (tx: Db) => Promise<unknown>, RegExp][] = [
    [
      "one byte of stored evidence changed",
      (tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "Evidence" SET body = set_byte(body, 0, get_byte(body, 0) # 1) WHERE id = $1::uuid`,
          evidenceId,
        ),
      /bytes no longer hash to its recorded sha256/,
    ],
    [
      "evidence bytes and their sha256 changed together",
      (tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "Evidence" SET body = convert_to('{}', 'UTF8'), sha256 = encode(sha256(convert_to('{}', 'UTF8')), 'hex') WHERE id = $1::uuid`,
          evidenceId,
        ),
      /evidence row was changed after it was logged/,
    ],
    [
      "an audit entry's data changed",
      (tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "AuditEntry" SET data = data || '{"approved":true}'::jsonb WHERE id = $1::bigint`,
          auditId,
        ),
      /audit row was changed after it was logged/,
    ],
    [
      "an audit entry back-dated",
      (tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "AuditEntry" SET "createdAt" = "createdAt" - interval '1 day' WHERE id = $1::bigint`,
          auditId,
        ),
      /audit row was changed after it was logged/,
    ],
    [
      "an evidence row deleted",
      (tx) => tx.$executeRawUnsafe(`DELETE FROM "Evidence" WHERE id = $1::uuid`, evidenceId),
      /evidence row of this leaf is gone/,
    ],
    [
      "a leaf deleted",
      (tx) => tx.$executeRawUnsafe(`DELETE FROM "LogLeaf" WHERE "orgId" = $1::uuid AND seq = 3`, orgId),
      /no leaf at position 3/,
    ],
    [
      "a leaf and its row deleted together",
      async (tx) => {
        await tx.$executeRawUnsafe(
          `DELETE FROM "LogLeaf" WHERE "orgId" = $1::uuid AND "refId" = $2`,
          orgId,
          evidenceId,
        );
        await tx.$executeRawUnsafe(`DELETE FROM "Evidence" WHERE id = $1::uuid`, evidenceId);
      },
      /no leaf at position/,
    ],
    [
      "two leaves reordered",
      async (tx) => {
        for (const [from, to] of [
          [1, -1],
          [2, 1],
          [-1, 2],
        ]) {
          await tx.$executeRawUnsafe(
            `UPDATE "LogLeaf" SET seq = $2 WHERE "orgId" = $1::uuid AND seq = $3`,
            orgId,
            to,
            from,
          );
        }
      },
      /checkpoint at size \d+: the leaves give root/,
    ],
    [
      "a back-dated insert appended after the checkpoint",
      async (tx) => {
        const id = randomUUID();
        const receivedAt = new Date(Date.now() - 30 * 86_400_000);
        await tx.$executeRawUnsafe(
          `INSERT INTO "Evidence" ("id","orgId","source","eventType","scheme","identity","dedupeKey","contentType","sizeBytes","sha256","body","receivedAt","result")
           VALUES ($1::uuid, $2::uuid, 'garak', 'upload', 'api-token', 'token:x', 'forged', 'application/json', 2,
             encode(sha256(convert_to('{}', 'UTF8')), 'hex'), convert_to('{}', 'UTF8'), $3, '{}'::jsonb)`,
          id,
          orgId,
          receivedAt,
        );
        await appendLogLeaf(tx, {
          kind: "evidence",
          orgId,
          evidenceId: id,
          sha256: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
          receivedAt,
        });
      },
      /back-dated: recorded at/,
    ],
    [
      "an insert that bypassed the log",
      (tx) =>
        tx.$executeRawUnsafe(
          `INSERT INTO "AuditEntry" ("orgId","actorType","action","targetType","data","createdAt") VALUES ($1::uuid, 'system', 'waiver.create', 'waiver', '{}'::jsonb, now() - interval '40 days')`,
          orgId,
        ),
      /audit row that is not in the log/,
    ],
    [
      "a checkpoint's root rewritten",
      (tx) =>
        tx.$executeRawUnsafe(`UPDATE "LogCheckpoint" SET "rootHash" = repeat('0', 64) WHERE "orgId" = $1::uuid`, orgId),
      /its columns differ from its signed note/,
    ],
    [
      "a checkpoint's note re-written to match other leaves",
      (tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "LogCheckpoint" SET note = replace(note, 'time ', 'time 1') WHERE "orgId" = $1::uuid`,
          orgId,
        ),
      /signature does not verify/,
    ],
    [
      "a leaf hash replaced",
      (tx) =>
        tx.$executeRawUnsafe(
          `UPDATE "LogLeaf" SET "leafHash" = repeat('a', 64) WHERE "orgId" = $1::uuid AND seq = 0`,
          orgId,
        ),
      /row was changed after it was logged/,
    ],
  ];
  for (const [label, tamper, problem] of cases) {
    it(`detects: ${label}`, async () => {
      const verdict = await afterTampering(tamper);
      expect(verdict.ok).toBe(false);
      expect(verdict.first?.problem).toMatch(problem);
    });
  }

  it("the tampering above was rolled back: the log verifies again", async () => {
    expect((await verifyAuditLog(db.prisma, orgId)).ok).toBe(true);
  });
});
