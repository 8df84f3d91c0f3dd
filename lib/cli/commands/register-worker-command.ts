import type { Command } from "commander";
import { getDatabase } from "../../db/get-database.ts";
import { closeDatabase } from "../../db/close-database.ts";
import { startWorker } from "../../jobs/start-worker.ts";

/**
 * `assay worker`: runs the background jobs alone, for deployments on PostgreSQL that run web processes
 * with ASSAY_WORKER=off. Stops cleanly on SIGINT/SIGTERM (jobs in flight finish or are retried).
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("run the background job worker (evidence mapping) without the web app")
    .action(async () => {
      const db = await getDatabase();
      process.stderr.write(`Worker on ${db.kind} (${db.location}).\n`);
      await startWorker();
      const stop = (): void => {
        void closeDatabase().finally(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
