import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase } from "../db/close-database.ts";
import { getDatabase } from "../db/get-database.ts";
import type { Database } from "../db/open-database.ts";
import { TEST_APP_URL, useAppDatabase as openAppDatabase } from "./use-app-database.ts";

/**
 * Like `useAppDatabase`, for storage tests that run twice: on PostgreSQL, or (ASSAY_TEST_STORE=pglite)
 * on a fresh embedded PGlite directory, as the process-wide database the app code uses.
 */
export async function openAppStore(): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  if (process.env.ASSAY_TEST_STORE !== "pglite") return openAppDatabase();
  const dir = mkdtempSync(join(tmpdir(), "assay-app-pglite-"));
  delete process.env.DATABASE_URL;
  process.env.ASSAY_DATA_DIR = dir;
  process.env.ASSAY_URL = TEST_APP_URL;
  process.env.ASSAY_SECRET = "test-secret-".padEnd(40, "x");
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("assay.config")];
  await closeDatabase();
  const db = await getDatabase();
  return {
    db,
    async cleanup() {
      await closeDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
