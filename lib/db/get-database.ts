import { getConfig } from "../config/get-config.ts";
import { getLogger } from "../log/get-logger.ts";
import { migrateDatabase } from "./migrate-database.ts";
import { databaseHolder } from "./database-holder.ts";
import { openDatabase, type Database } from "./open-database.ts";

/**
 * The process-wide database, opened lazily on first use (so `next build` never touches it) and
 * migrated before anyone queries it. Held on `globalThis` so that the CLI/server code and the
 * Next.js bundles in the same process share one PGlite instance and one lock.
 */
export function getDatabase(): Promise<Database> {
  const holder = databaseHolder();
  holder.current ??= (async () => {
    const config = getConfig();
    const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ASSAY_DATA_DIR });
    try {
      const result = await db.withConnection((runner) => migrateDatabase(runner));
      db.migration = result;
      if (result.applied.length > 0) getLogger().info({ applied: result.applied }, "migrations applied");
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  })().catch((error: unknown) => {
    delete holder.current;
    throw error;
  });
  return holder.current;
}
