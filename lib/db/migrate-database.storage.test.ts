import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { listMigrations } from "./list-migrations.ts";
import { migrateDatabase } from "./migrate-database.ts";

let current: TestDatabase | undefined;
afterEach(async () => {
  await current?.drop();
  current = undefined;
});

describe(`migrateDatabase (${process.env.ASSAY_TEST_STORE ?? "postgres"})`, () => {
  it("applies every migration to an empty database, records it as Prisma does, and is idempotent", async () => {
    current = await createTestDatabase({ migrate: false });
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await current.db.withConnection((r) => migrateDatabase(r));
    expect(first.applied).toEqual(migrations.map((m) => m.name));

    const second = await current.db.withConnection((r) => migrateDatabase(r));
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });

    const rows = await current.db.withConnection((r) =>
      r.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    // The schema is usable through Prisma.
    const org = await current.db.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
    expect(await current.db.prisma.organization.findUnique({ where: { slug: "acme" } })).toMatchObject({ id: org.id });
  });

  it("refuses a migration that was edited after it was applied", async () => {
    current = await createTestDatabase();
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    const error = await current.db.withConnection((r) => migrateDatabase(r, edited)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toMatch(/was changed after it was applied/);
  });

  it("refuses to run against a database that has a migration this code does not know", async () => {
    current = await createTestDatabase();
    const older = listMigrations().slice(0, -1);
    const error = await current.db.withConnection((r) => migrateDatabase(r, older)).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toMatch(/does not have/);
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    current = await createTestDatabase();
    const broken = [
      ...listMigrations(),
      {
        name: "29990101000000_broken",
        sql: `CREATE TABLE "Half" (id int); SELECT * FROM "no_such_table";`,
        checksum: "f".repeat(64),
      },
    ];
    const error = await current.db.withConnection((r) => migrateDatabase(r, broken)).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/29990101000000_broken failed and was rolled back/);
    const tables = await current.db.withConnection((r) =>
      r.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`),
    );
    expect(tables[0]?.n).toBe(0);
    const recorded = await current.db.withConnection((r) =>
      r.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
      ),
    );
    expect(recorded[0]?.n).toBe(0);
  });
});
