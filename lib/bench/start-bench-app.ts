import { startAssayProcess, type AssayProcess } from "../testing/faults/start-assay-process.ts";
import {
  prepareAssayDeployment,
  type AssayStore,
  type PreparedIntegration,
} from "../testing/faults/prepare-assay-deployment.ts";

export interface BenchApp {
  origin: string;
  app: AssayProcess;
  integrations: PreparedIntegration[];
}

/**
 * The production build as a deployment runs it (`assay start`; on PostgreSQL with the worker off: the
 * benchmarks measure the request path, and jobs wait in the queue), on the given store, with
 * organization `bench` and one Standard Webhooks integration per source.
 */
export async function startBenchApp(store: AssayStore, sources: readonly string[]): Promise<BenchApp> {
  const deployment = await prepareAssayDeployment(store, "bench", sources);
  const app = await startAssayProcess(
    ["start", "--no-demo"],
    { ...deployment.env, LOG_LEVEL: "error" },
    `${deployment.origin}/api/health`,
  );
  return { origin: deployment.origin, app, integrations: deployment.integrations };
}
