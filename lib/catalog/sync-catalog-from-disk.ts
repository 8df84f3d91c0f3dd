import type { PrismaClient } from "../db/db-types.ts";
import { getLogger } from "../log/get-logger.ts";
import { loadCatalog } from "./load-catalog.ts";
import { syncCatalog, type CatalogSyncResult } from "./sync-catalog.ts";

/**
 * Start-up step: checks controls/ and syncs it into the database. A catalog with problems stops
 * start-up (AppError validation_failed listing each problem), so a broken catalog is never served.
 */
export async function syncCatalogFromDisk(prisma: PrismaClient, dir?: string): Promise<CatalogSyncResult> {
  const { catalog, problems } = loadCatalog(dir);
  const result = await syncCatalog(prisma, catalog, problems);
  if (result.updated.length > 0 || result.mappingEdges > 0) getLogger().info(result, "catalog synced");
  return result;
}
