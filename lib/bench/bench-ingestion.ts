import { readFileSync } from "node:fs";
import { fixturePath } from "../testing/fixture-path.ts";
import type { LoadPlan, LoadResult, LoadTarget } from "./load-ingest.ts";
import type { AssayStore } from "../testing/faults/prepare-assay-deployment.ts";
import { runJsonChild } from "./run-json-child.ts";
import { startBenchApp } from "./start-bench-app.ts";

export interface IngestionResult {
  /** Standard Webhooks envelopes of 1 KiB and real gateway, registry and scanner payloads (0.6–2 KiB). */
  mix: LoadResult;
  /** Standard Webhooks envelopes of 64 KiB. */
  large: LoadResult;
}

/** A Standard Webhooks envelope with one finding, padded to `bytes` (its JSON length). */
function envelope(bytes: number): string {
  const base = {
    type: "bench.delivery",
    timestamp: "2026-11-24T00:00:00Z",
    data: { findings: [{ key: "bench/guardrail", check: "guardrail", outcome: "pass", title: "Guardrail ran" }] },
  };
  const empty = JSON.stringify({ ...base, data: { ...base.data, pad: "" } }).length;
  return JSON.stringify({ ...base, data: { ...base.data, pad: "x".repeat(Math.max(0, bytes - empty)) } });
}

/** The real payloads of the mix, by the source their integration is created for. */
const FIXTURES: Record<string, string> = {
  litellm: "evidence/litellm-spend_log.json",
  kong: "evidence/kong-ai-proxy-log-entry.json",
  mlflow: "evidence/mlflow-model_version_created.json",
};

const runLoad = (plan: LoadPlan): Promise<LoadResult> => runJsonChild<LoadResult>("lib/bench/load-ingest.ts", plan);

/**
 * Signed deliveries through the real endpoint of the production build (verification, parsing,
 * storage with the log leaf, enqueueing the mapping job), loaded by autocannon from a second process:
 * a warm-up, then `seconds` of the 1 KiB mix and `seconds` of 64 KiB bodies.
 */
export async function benchIngestion(
  store: AssayStore,
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<IngestionResult> {
  const sources = ["standard-webhooks", ...Object.keys(FIXTURES)];
  const bench = await startBenchApp(store, sources);
  try {
    const target = (source: string, body: string): LoadTarget => {
      const integration = bench.integrations.find((i) => i.source === source);
      if (!integration) throw new Error(`no ${source} integration`);
      return { path: integration.path, secret: integration.secret, body };
    };
    const mix = [
      target("standard-webhooks", envelope(1024)),
      ...Object.entries(FIXTURES).map(([source, file]) => target(source, readFileSync(fixturePath(file), "utf8"))),
    ];
    const plan = (targets: LoadTarget[], seconds: number): LoadPlan => ({
      origin: bench.origin,
      targets,
      connections: options.connections,
      seconds,
    });
    await runLoad(plan(mix, options.warmupSeconds));
    return {
      mix: await runLoad(plan(mix, options.seconds)),
      large: await runLoad(plan([target("standard-webhooks", envelope(64 * 1024))], options.seconds)),
    };
  } finally {
    await bench.app.kill("SIGTERM");
  }
}
