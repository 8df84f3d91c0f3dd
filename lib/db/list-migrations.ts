import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

/** The SQL migrations in name (timestamp) order. */
export function listMigrations(
  dir: string = resolve(/* turbopackIgnore: true */ process.cwd(), DEFAULT_MIGRATIONS_DIR),
): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
