import { randomBytes } from "node:crypto";
import pg from "pg";
import { startAssayProcess, type AssayProcess } from "./start-assay-process.ts";
import type { PrivatePostgres } from "./start-private-postgres.ts";
import { prepareAssayDeployment } from "./prepare-assay-deployment.ts";

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
  const deployment = await prepareAssayDeployment({ kind: "postgres", url: server.url(name) }, "faults", [
    "standard-webhooks",
  ]);
  const [integration] = deployment.integrations;
  if (!integration) throw new Error("no integration was created");
  const { env, origin } = deployment;
  return {
    databaseUrl: server.url(name),
    integrationId: integration.id,
    secret: integration.secret,
    ingestUrl: `${origin}${integration.path}`,
    startApp: () => startAssayProcess(["start", "--no-demo"], env, `${origin}/api/health`),
    startWorker: () => startAssayProcess(["worker"], env),
  };
}
