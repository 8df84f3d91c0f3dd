import { syncCatalogFromDisk } from "../../catalog/sync-catalog-from-disk.ts";
import type { Command } from "commander";
import { migrateDatabase } from "../../db/migrate-database.ts";
import { getHealth } from "../../health/get-health.ts";
import { seedDemo } from "../../seed/seed-demo.ts";
import { runCommand } from "../run-command.ts";

/** `assay migrate`, `assay seed --demo`, `assay health`. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (also done at start-up)")
    .option("--json", "print one JSON object")
    .action((opts: { json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        // getDatabase() migrates on open (under the advisory lock); report what that run did.
        const result = db.migration ?? (await db.withConnection((runner) => migrateDatabase(runner)));
        out.result(
          { database: db.kind, location: db.location, ...result },
          () =>
            `Database (${db.kind}, ${db.location}) is up to date: ${result.alreadyApplied + result.applied.length} migrations applied.`,
        );
      }),
    );

  program
    .command("seed")
    .description("create demo data")
    .requiredOption(
      "--demo",
      "create the demo organization: an admin, AI systems, evidence and a waiver (syncs the catalog first)",
    )
    .option("--json", "print one JSON object")
    .action((opts: { json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        // The demo's evidence is mapped to requirements and linked by hand: the catalog must be there.
        await syncCatalogFromDisk(db.prisma);
        const seed = await seedDemo(db.prisma);
        out.result(seed, () =>
          seed.admin
            ? `Created the demo organization "${seed.org}" with ${seed.systems} AI systems.\nDemo admin (shown once): ${seed.admin.email} / ${seed.admin.password}`
            : `The demo organization "${seed.org}" already exists; nothing changed.`,
        );
      }),
    );

  program
    .command("health")
    .description("check the database connection")
    .option("--json", "print one JSON object")
    .action((opts: { json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const health = await getHealth(db.prisma);
        out.result(
          health,
          () =>
            `${health.status}: database ${health.database.kind} ${health.database.status} (${health.database.latencyMs} ms, ${health.database.migrations} migrations)`,
        );
        if (health.status !== "ok") process.exitCode = 1;
      }),
    );
}
