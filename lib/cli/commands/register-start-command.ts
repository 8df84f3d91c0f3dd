import type { Command } from "commander";
import { syncCatalogFromDisk } from "../../catalog/sync-catalog-from-disk.ts";
import { getConfig } from "../../config/get-config.ts";
import { closeDatabase } from "../../db/close-database.ts";
import { getDatabase } from "../../db/get-database.ts";
import { AppError } from "../../errors/app-error.ts";
import { seedDemo } from "../../seed/seed-demo.ts";
import { ensureBuild } from "../../server/ensure-build.ts";
import { startServer } from "../../server/start-server.ts";

/**
 * `assay start`: validate the configuration, open and migrate the database, seed the demo on an
 * empty database (printing its admin's credentials once), build if needed, and serve.
 */
export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("start the web app (migrates, seeds the demo on an empty database)")
    .option("--no-demo", "do not create the demo organization on an empty database")
    .action(async (opts: { demo: boolean }) => {
      const log = (m: string): void => void process.stderr.write(`${m}\n`);
      try {
        const config = getConfig();
        const db = await getDatabase();
        log(`Database: ${db.kind} (${db.location}), migrations applied.`);
        const synced = await syncCatalogFromDisk(db.prisma);
        log(`Catalogs: ${synced.updated.length > 0 ? `synced ${synced.updated.join(", ")}` : "unchanged"}.`);
        if (opts.demo && (await db.prisma.organization.count()) === 0) {
          const seed = await seedDemo(db.prisma);
          if (seed.admin) {
            log("");
            log("  Demo organization created. Sign in as (shown once, write it down):");
            log(`    email:    ${seed.admin.email}`);
            log(`    password: ${seed.admin.password}`);
            log("");
          }
        }
        ensureBuild(process.cwd(), log);
        const server = await startServer(config);
        log(`Assay is listening on ${config.url} (bound to ${config.HOST}:${config.PORT}).`);
        const stop = (): void => {
          log("Shutting down…");
          server.close(() => void closeDatabase().finally(() => process.exit(0)));
          setTimeout(() => process.exit(0), 5000).unref();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      } catch (error) {
        await closeDatabase().catch(() => undefined);
        const message =
          error instanceof AppError
            ? `error [${error.code}]: ${error.message}`
            : `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        log(message);
        process.exit(1);
      }
    });
}
