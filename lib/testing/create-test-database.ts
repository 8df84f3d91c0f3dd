import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrateDatabase } from "../db/migrate-database.ts";
import { openDatabase, type Database } from "../db/open-database.ts";
import { testServerUrl } from "./test-server-url.ts";

export interface TestDatabase {
  db: Database;
  store: "postgres" | "pglite";
  /** The postgresql:// URL (PostgreSQL) or the data directory (PGlite). */
  location: string;
  url: string | undefined;
  dataDir: string | undefined;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one test file: a new PostgreSQL database on the test server, or a new
 * PGlite data directory, chosen by ASSAY_TEST_STORE (the vitest project). Migrated unless told not to.
 */
export async function createTestDatabase(
  options: { migrate?: boolean; store?: "postgres" | "pglite" } = {},
): Promise<TestDatabase> {
  const store = options.store ?? (process.env.ASSAY_TEST_STORE === "pglite" ? "pglite" : "postgres");
  let db: Database;
  let url: string | undefined;
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  if (store === "postgres") {
    const name = `assay_t_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    url = testServerUrl(name);
    db = await openDatabase({ url });
    cleanup = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "assay-pglite-"));
    db = await openDatabase({ dataDir });
    const dir = dataDir;
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  if (options.migrate !== false) await db.withConnection((runner) => migrateDatabase(runner));
  return {
    db,
    store,
    location: url ?? dataDir ?? "",
    url,
    dataDir,
    async drop() {
      await db.close();
      await cleanup();
    },
  };
}
