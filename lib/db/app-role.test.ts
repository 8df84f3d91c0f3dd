import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import type { Database } from "./open-database.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const APPEND_ONLY = ["Evidence", "Finding", "AuditEntry", "LogLeaf", "LogCheckpoint"];

describe("the application's database role (PostgreSQL)", () => {
  it("runs every application query as assay_app, not as the owner", async () => {
    const [who] = await db.prisma.$queryRaw<{ role: string; owner: string }[]>`
      SELECT current_user AS role, session_user AS owner`;
    expect(who?.role).toBe("assay_app");
    expect(who?.owner).not.toBe("assay_app");
  });

  it("cannot update, delete or truncate evidence, findings, audit entries or the log; may insert and read them", async () => {
    for (const table of APPEND_ONLY) {
      for (const statement of [
        `UPDATE "${table}" SET "orgId" = "orgId"`,
        `DELETE FROM "${table}"`,
        `TRUNCATE "${table}"`,
      ]) {
        await expect(db.prisma.$executeRawUnsafe(statement), statement).rejects.toThrow(/permission denied/);
      }
      await expect(db.prisma.$queryRawUnsafe(`SELECT count(*) FROM "${table}"`)).resolves.toBeDefined();
    }
    const [grants] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM information_schema.role_table_grants
      WHERE grantee = 'assay_app' AND table_name IN ('Evidence','Finding','AuditEntry','LogLeaf','LogCheckpoint')
        AND privilege_type IN ('UPDATE','DELETE','TRUNCATE')`;
    expect(grants?.n).toBe(0);
  });

  it("keeps the trigger as a second layer: even the owner cannot delete evidence without switching it off", async () => {
    await expect(
      db.withConnection((r) => r.exec(`DELETE FROM "AuditEntry" WHERE "orgId" = '${f.acme.org.id}'`)),
    ).rejects.toThrow(/append-only/);
  });

  it("may still change what is meant to change (systems, the log head)", async () => {
    const updated = await db.prisma.aiSystem.update({ where: { id: f.systems.acme }, data: { owner: "Platform" } });
    expect(updated.owner).toBe("Platform");
    const head = await db.prisma.logHead.findUnique({ where: { orgId: f.acme.org.id } });
    expect(head?.size).toBeGreaterThan(0n);
  });
});
