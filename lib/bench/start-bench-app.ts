import { randomBytes } from "node:crypto";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { findFreePort } from "../testing/faults/find-free-port.ts";
import { startAssayProcess, type AssayProcess } from "../testing/faults/start-assay-process.ts";

export type BenchStore = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface BenchIntegration {
  source: string;
  id: string;
  secret: string;
  path: string;
}

export interface BenchApp {
  origin: string;
  app: AssayProcess;
  integrations: BenchIntegration[];
  /** The environment the app runs with (for CLI commands against the same store, PostgreSQL only). */
  env: Record<string, string>;
}

/**
 * The production build as a deployment runs it (`assay start`, worker off: the benchmarks measure
 * the request path, and jobs wait in the queue), on the given store, with organization `bench` and
 * one integration per source using the Standard Webhooks scheme, created through the CLI before the
 * app starts (PGlite allows one process at a time).
 */
export async function startBenchApp(store: BenchStore, sources: readonly string[]): Promise<BenchApp> {
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
    LOG_LEVEL: "error",
  };
  for (const args of [["migrate"], ["org", "create", "bench"]]) {
    const run = await runAssayCli(args, env);
    if (run.code !== 0) throw new Error(`assay ${args.join(" ")} failed: ${run.stderr}`);
  }
  const integrations: BenchIntegration[] = [];
  for (const source of sources) {
    const run = await runAssayCli(
      ["integration", "create", "--org", "bench", "--source", source, "--scheme", "standard-webhooks", "--json"],
      env,
    );
    if (run.code !== 0) throw new Error(`assay integration create --source ${source} failed: ${run.stderr}`);
    const created = JSON.parse(run.stdout) as { id: string; secret: string };
    integrations.push({ source, id: created.id, secret: created.secret, path: `/api/v1/ingest/${created.id}` });
  }
  const app = await startAssayProcess(["start", "--no-demo"], env, `http://127.0.0.1:${port}/api/health`);
  return { origin: `http://127.0.0.1:${port}`, app, integrations, env };
}
