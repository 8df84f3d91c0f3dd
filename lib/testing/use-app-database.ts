import { closeDatabase } from "../db/close-database.ts";
import { getDatabase } from "../db/get-database.ts";
import type { Database } from "../db/open-database.ts";
import { createTestDatabase } from "./create-test-database.ts";

export const TEST_APP_URL = "http://assay.test";

/**
 * Points this test process's app code (route handlers, getDatabase) at a fresh PostgreSQL database.
 * Returns the process-wide database and a cleanup that closes and drops it.
 */
export async function useAppDatabase(): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  const t = await createTestDatabase({ store: "postgres" });
  process.env.DATABASE_URL = t.url;
  process.env.ASSAY_URL = TEST_APP_URL;
  process.env.ASSAY_SECRET = "test-secret-".padEnd(40, "x");
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("assay.config")];
  await closeDatabase();
  const db = await getDatabase();
  return {
    db,
    async cleanup() {
      await closeDatabase();
      await t.drop();
    },
  };
}
