import { randomBytes } from "node:crypto";
import { runAssayCli } from "../run-assay-cli.ts";
import { findFreePort } from "./find-free-port.ts";

export type AssayStore = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface PreparedIntegration {
  source: string;
  id: string;
  secret: string;
  path: string;
}

export interface AssayDeployment {
  /** The environment every process of this deployment (app, worker, CLI) runs with. */
  env: Record<string, string>;
  origin: string;
  integrations: PreparedIntegration[];
}

/**
 * What the fault runs and benchmarks deploy: a free loopback port, a fresh instance secret, the store
 * migrated, one organization and one integration per source (Standard Webhooks scheme), all made through
 * the CLI before any app starts (PGlite allows one process at a time). The per-integration rate limit is
 * lifted: these runs measure durability and throughput, not the limiter.
 */
export async function prepareAssayDeployment(
  store: AssayStore,
  org: string,
  sources: readonly string[],
): Promise<AssayDeployment> {
  const port = await findFreePort();
  const env: Record<string, string> = {
    ...(store.kind === "postgres" ? { DATABASE_URL: store.url } : { ASSAY_DATA_DIR: store.dataDir, DATABASE_URL: "" }),
    ASSAY_SECRET: randomBytes(32).toString("base64url"),
    PORT: String(port),
    HOST: "127.0.0.1",
    ASSAY_URL: `http://127.0.0.1:${port}`,
    ASSAY_WORKER: store.kind === "postgres" ? "off" : "inline",
    ASSAY_INGEST_RATE_PER_SECOND: "1000000",
    ASSAY_INGEST_BURST: "1000000",
  };
  for (const args of [["migrate"], ["org", "create", org]]) {
    const run = await runAssayCli(args, env);
    if (run.code !== 0) throw new Error(`assay ${args.join(" ")} failed: ${run.stderr}`);
  }
  const integrations: PreparedIntegration[] = [];
  for (const source of sources) {
    const run = await runAssayCli(
      ["integration", "create", "--org", org, "--source", source, "--scheme", "standard-webhooks", "--json"],
      env,
    );
    if (run.code !== 0) throw new Error(`assay integration create --source ${source} failed: ${run.stderr}`);
    const created = JSON.parse(run.stdout) as { id: string; secret: string };
    integrations.push({ source, id: created.id, secret: created.secret, path: `/api/v1/ingest/${created.id}` });
  }
  return { env, origin: `http://127.0.0.1:${port}`, integrations };
}
