import { createHash } from "node:crypto";
import { signStandardWebhook } from "../sign-standard-webhook.ts";

export interface Delivery {
  id: string;
  body: string;
  sha256: string;
}

export interface Acknowledgement {
  evidenceId: string;
  sha256: string;
}

export interface SendReport {
  /** Delivery id -> what the first 202 said (and the bytes it acknowledged). */
  acknowledged: Map<string, Acknowledgement>;
  /** Deliveries never acknowledged before the deadline or their attempt limit. */
  unacknowledged: string[];
  /** Deliveries refused for good (a 4xx other than 409/429): none are expected. */
  refused: { id: string; status: number; body: string }[];
  /** A later 202 for the same delivery naming another evidence id (the endpoint contradicting itself). */
  conflictingAcks: string[];
  attempts: number;
  /** Attempts that failed, by kind: network errors, and each HTTP status. */
  failures: Record<string, number>;
  seconds: number;
}

/** `count` Standard Webhooks envelopes of about 1 KiB, each with two findings, ids `<prefix>_<n>`. */
export function makeDeliveries(count: number, prefix: string): Delivery[] {
  return Array.from({ length: count }, (_, n) => {
    const id = `${prefix}_${n}`;
    const body = JSON.stringify({
      type: "fault.test",
      timestamp: "2026-11-24T00:00:00Z",
      data: {
        findings: [
          { key: `${id}/a`, check: "guardrail", outcome: "pass", title: `Guardrail ran (${id})` },
          { key: `${id}/b`, check: "red-team", outcome: n % 7 === 0 ? "fail" : "pass", title: "Probe" },
        ],
        note: "x".repeat(800),
      },
    });
    return { id, body, sha256: createHash("sha256").update(body).digest("hex") };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fault runs' sender: signs (fresh timestamp per attempt, same id and bytes) and POSTs every
 * delivery with `concurrency` requests in flight, and sends again whatever was not acknowledged with
 * a 202 (connection refused or reset, timeouts, 5xx, 409, 429), with a growing pause. Bounded: it
 * stops at `deadline` (epoch ms) or after `maxAttempts` tries of one delivery.
 */
export async function sendDeliveries(options: {
  url: string;
  secret: string;
  deliveries: readonly Delivery[];
  concurrency: number;
  deadline: number;
  maxAttempts?: number;
  onAcknowledged?: (count: number) => void;
}): Promise<SendReport> {
  const started = Date.now();
  const maxAttempts = options.maxAttempts ?? 200;
  const report: SendReport = {
    acknowledged: new Map(),
    unacknowledged: [],
    refused: [],
    conflictingAcks: [],
    attempts: 0,
    failures: {},
    seconds: 0,
  };
  const queue = options.deliveries.map((_, i) => i);
  const tries = new Array<number>(options.deliveries.length).fill(0);
  let waiting = 0; // deliveries sleeping before their next attempt
  const fail = (kind: string) => (report.failures[kind] = (report.failures[kind] ?? 0) + 1);

  async function attempt(index: number): Promise<"done" | "again"> {
    const d = options.deliveries[index];
    if (!d) return "done";
    tries[index] = (tries[index] ?? 0) + 1;
    report.attempts++;
    try {
      const res = await fetch(options.url, {
        method: "POST",
        headers: signStandardWebhook(options.secret, d.body, { id: d.id }),
        body: d.body,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      if (res.status === 202) {
        const { evidenceId } = JSON.parse(text) as { evidenceId: string };
        const earlier = report.acknowledged.get(d.id);
        if (earlier && earlier.evidenceId !== evidenceId) report.conflictingAcks.push(d.id);
        if (!earlier) {
          report.acknowledged.set(d.id, { evidenceId, sha256: d.sha256 });
          options.onAcknowledged?.(report.acknowledged.size);
        }
        return "done";
      }
      fail(`http ${res.status}`);
      if (res.status >= 400 && res.status < 500 && res.status !== 409 && res.status !== 429) {
        report.refused.push({ id: d.id, status: res.status, body: text.slice(0, 300) });
        return "done";
      }
    } catch (error) {
      fail(error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network");
    }
    return "again";
  }

  async function sender(): Promise<void> {
    while (Date.now() < options.deadline) {
      const index = queue.shift();
      if (index === undefined) {
        if (waiting === 0) return;
        await sleep(20);
        continue;
      }
      if ((await attempt(index)) === "done") continue;
      if ((tries[index] ?? 0) >= maxAttempts) continue;
      waiting++;
      void sleep(Math.min(1_000, 50 * (tries[index] ?? 1))).then(() => {
        waiting--;
        queue.push(index);
      });
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => sender()));
  while (waiting > 0) await sleep(20); // let pending pauses end, so nothing fires after we return
  report.unacknowledged = options.deliveries.filter((d) => !report.acknowledged.has(d.id)).map((d) => d.id);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
