import { randomBytes } from "node:crypto";
import pg from "pg";
import { runAssayCli } from "../run-assay-cli.ts";
import { startAssayProcess, type AssayProcess } from "./start-assay-process.ts";
import type { PrivatePostgres } from "./start-private-postgres.ts";
import { findFreePort } from "./find-free-port.ts";

export interface FaultRun {
  databaseUrl: string;
  integrationId: string;
  secret: string;
  /** The app's ingest URL for the integration. */
  ingestUrl: string;
  /** `assay start` (production build, ASSAY_WORKER=off) on the run's port; resolves once healthy. */
  startApp(): Promise<AssayProcess>;
  /** `assay worker` on the run's database. */
  startWorker(): Promise<AssayProcess>;
}

/**
 * A database on the run's PostgreSQL, migrated, with organization `faults` and one Standard Webhooks
 * integration created through the CLI, and the environment its app and worker processes share.
 */
export async function prepareFaultRun(server: PrivatePostgres): Promise<FaultRun> {
  const name = `assay_faults_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const port = await findFreePort();
  const databaseUrl = server.url(name);
  const env = {
    DATABASE_URL: databaseUrl,
    ASSAY_SECRET: randomBytes(32).toString("base64url"),
    PORT: String(port),
    HOST: "127.0.0.1",
    ASSAY_URL: `http://127.0.0.1:${port}`,
    ASSAY_WORKER: "off",
    // The fault runs measure durability, not the per-integration rate limit.
    ASSAY_INGEST_RATE_PER_SECOND: "1000000",
    ASSAY_INGEST_BURST: "1000000",
  };
  for (const args of [["migrate"], ["org", "create", "faults"]]) {
    const run = await runAssayCli(args, env);
    if (run.code !== 0) throw new Error(`assay ${args.join(" ")} failed: ${run.stderr}`);
  }
  const created = await runAssayCli(
    ["integration", "create", "--org", "faults", "--source", "standard-webhooks", "--json"],
    env,
  );
  if (created.code !== 0) throw new Error(`assay integration create failed: ${created.stderr}`);
  const integration = JSON.parse(created.stdout) as { id: string; secret: string };
  return {
    databaseUrl,
    integrationId: integration.id,
    secret: integration.secret,
    ingestUrl: `http://127.0.0.1:${port}/api/v1/ingest/${integration.id}`,
    startApp: () => startAssayProcess(["start", "--no-demo"], env, `http://127.0.0.1:${port}/api/health`),
    startWorker: () => startAssayProcess(["worker"], env),
  };
}
