// The ingestion benchmark's load generator, run as its own process (so its CPU is not the server's
// event loop): autocannon against the ingest endpoint, every request with a fresh Standard Webhooks
// id and timestamp and its own signature. Reads its plan as JSON from argv[2]; prints one JSON line.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";

export interface LoadTarget {
  /** Path on the server, e.g. /api/v1/ingest/<id>. */
  path: string;
  secret: string;
  /** The body, sent as is (its own delivery id comes from the header, so repeats are new deliveries). */
  body: string;
}

export interface LoadPlan {
  origin: string;
  targets: LoadTarget[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
}

const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;
const prefix = randomBytes(4).toString("hex");
let n = 0;

const result = await autocannon({
  url: plan.origin,
  connections: plan.connections,
  duration: plan.seconds,
  timeout: 10,
  requests: [
    {
      method: "POST",
      setupRequest: (request) => {
        const target = plan.targets[n % plan.targets.length];
        n++;
        if (!target) return request;
        return {
          ...request,
          method: "POST",
          path: target.path,
          headers: signStandardWebhook(target.secret, target.body, { id: `msg_bench_${prefix}_${n}` }),
          body: target.body,
        };
      },
    },
  ],
});

const statuses: Record<string, number> = {};
for (const [key, value] of Object.entries(result.statusCodeStats ?? {})) statuses[key] = value?.count ?? 0;
const out: LoadResult = {
  requests: result.requests.total,
  perSecond: result.requests.total / plan.seconds,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statuses,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
