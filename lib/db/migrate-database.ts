import { randomUUID } from "node:crypto";
import { AppError } from "../errors/app-error.ts";
import { listMigrations, type MigrationFile } from "./list-migrations.ts";
import type { SqlRunner } from "./sql-runner.ts";

/** Any constant works; it only has to be the same for every Assay process on a database. */
const MIGRATION_LOCK_KEY = 4_172_883_091;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending SQL migrations in order, each in its own transaction together with its row in
 * Prisma's `_prisma_migrations` table, so the Prisma CLI sees the same history. On PostgreSQL the
 * whole run holds a session advisory lock, so concurrent start-ups apply each migration once.
 * An applied migration whose file changed, or a recorded migration this code does not know, stops
 * the run with `conflict` rather than guessing.
 */
export async function migrateDatabase(
  runner: SqlRunner,
  migrations: MigrationFile[] = listMigrations(),
): Promise<MigrationResult> {
  if (runner.kind === "postgres") await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await runner.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await runner.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const known = new Set(migrations.map((m) => m.name));
    const unknown = rows.find((row) => !known.has(row.migration_name));
    if (unknown) {
      throw new AppError(
        "conflict",
        `The database has migration ${unknown.migration_name}, which this version of Assay does not have. Run a version that includes it.`,
      );
    }
    const byName = new Map(rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const row = byName.get(migration.name);
      if (row?.finished_at) {
        if (row.checksum !== migration.checksum) {
          throw new AppError(
            "conflict",
            `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      if (row) {
        throw new AppError(
          "conflict",
          `Migration ${migration.name} started earlier and did not finish. Inspect the database, then mark it rolled back in _prisma_migrations.`,
        );
      }
      await runner.exec("BEGIN");
      try {
        await runner.exec(migration.sql);
        await runner.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await runner.exec("COMMIT");
      } catch (error) {
        await runner.exec("ROLLBACK");
        throw new AppError(
          "internal",
          `Migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    if (runner.kind === "postgres") await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
