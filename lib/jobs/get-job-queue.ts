import { fromPglite, PgBoss } from "pg-boss";
import { getDatabase } from "../db/get-database.ts";
import { APP_ROLE, type Database } from "../db/open-database.ts";
import { getLogger } from "../log/get-logger.ts";
import { JOBS } from "./job-names.ts";

const KEY = Symbol.for("assay.jobs");

function createBoss(db: Database): PgBoss {
  const native = db.native;
  if (native.kind === "postgres") {
    return new PgBoss({
      connectionString: native.url,
      schema: "pgboss",
      max: 4,
      application_name: "assay-jobs",
      // How soon the jobs of a crashed worker go back to the queue: the supervisor looks every 20 s
      // for jobs whose heartbeat stopped (see the evidence.map queue below).
      superviseIntervalSeconds: 20,
      monitorIntervalSeconds: 20,
    });
  }
  return new PgBoss({ db: fromPglite(native.pglite), backend: "pglite", schema: "pgboss" });
}

/**
 * The process's pg-boss instance on the same database (PostgreSQL, or the embedded PGlite), started
 * once with its queues created. It is stopped before the database closes.
 */
export function getJobQueue(): Promise<PgBoss> {
  const g = globalThis as { [KEY]?: Promise<PgBoss> | undefined };
  g[KEY] ??= (async () => {
    const db = await getDatabase();
    const boss = createBoss(db);
    boss.on("error", (error: Error) => getLogger().error({ err: error.message }, "job queue error"));
    await boss.start();
    // A worker beats every 5 s for the mapping jobs it holds; one killed mid-job stops beating, and
    // the supervisor retries its jobs (mapping is idempotent), instead of after pg-boss's 15-minute expiry.
    const mapping = { retryLimit: 5, retryDelay: 2, retryBackoff: true, heartbeatSeconds: 10, expireInSeconds: 300 };
    await boss.createQueue(JOBS.mapEvidence, mapping);
    await boss.updateQueue(JOBS.mapEvidence, mapping);
    // stately: per organization (singletonKey) at most one waiting and one running recomputation.
    await boss.createQueue(JOBS.recomputeReadiness, { policy: "stately", retryLimit: 3, retryDelay: 5 });
    await boss.createQueue(JOBS.recomputeAll, { policy: "singleton", retryLimit: 1 });
    await boss.createQueue(JOBS.checkpointLogs, { policy: "singleton", retryLimit: 1 });
    // A crashed worker leaves the report running; one retry picks it up again (generateReport is idempotent).
    await boss.createQueue(JOBS.generateReport, { retryLimit: 1, retryDelay: 5, expireInSeconds: 1800 });
    // Jobs are enqueued inside the application's transactions, which run as APP_ROLE: it may use the
    // queue's tables (pg-boss creates them as the owner, now and when it adds some later).
    if (db.kind === "postgres") {
      await db.withConnection((r) =>
        r.exec(`GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE};
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
          GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE};
          GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE};`),
      );
    }
    db.beforeClose.push(async () => {
      delete g[KEY];
      await boss.stop({ graceful: true, timeout: 5_000 });
    });
    return boss;
  })().catch((error: unknown) => {
    delete g[KEY];
    throw error;
  });
  return g[KEY];
}
