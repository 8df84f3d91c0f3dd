import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { runJsonChild } from "./run-json-child.ts";
import { startBenchApp } from "./start-bench-app.ts";

interface ChildResult {
  slug: string;
  systemId: string;
  token: string;
  counts: { systems: number; evidence: number; findings: number; links: number; verdicts: number };
  generation: { seconds: number };
  full: { seconds: number; peakMiB: number; startMiB: number; stored: boolean };
  oneMore: { seconds: number; peakMiB: number; stored: boolean };
  /** Baseline: one pass of PostgreSQL over the organization's findings (count). */
  findingsPass: { seconds: number };
}

export interface PageTiming {
  name: string;
  path: string;
  p50: number;
  p95: number;
  requests: number;
}

export interface ScaleResult extends ChildResult {
  pages: PageTiming[];
  health: PageTiming;
  /** Sequential scans PostgreSQL counted on these tables while the pages were served. */
  seqScans: Record<string, number>;
  /** Indexes PostgreSQL used while the pages were served, with how often. */
  indexesUsed: Record<string, number>;
}

/** Tables a page must reach by index only: the evidence and everything that grows with it. */
const EVIDENCE_TABLES = ["Evidence", "Finding", "ControlLink", "SubjectVerdict"];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timePage(
  origin: string,
  cookie: string,
  name: string,
  path: string,
  requests: number,
): Promise<PageTiming> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name} (${path}) answered ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 2; i += 1) await once();
  const times: number[] = [];
  for (let i = 0; i < requests; i += 1) times.push(await once());
  times.sort((a, b) => a - b);
  return { name, path, p50: percentile(times, 50), p95: percentile(times, 95), requests };
}

async function readScanCounters(client: pg.Client) {
  const tables = await client.query<{ relname: string; seq_scan: string }>(
    `SELECT relname, seq_scan FROM pg_stat_user_tables WHERE relname = ANY($1)`,
    [EVIDENCE_TABLES],
  );
  const indexes = await client.query<{ indexrelname: string; idx_scan: string }>(
    `SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE relname = ANY($1)`,
    [EVIDENCE_TABLES],
  );
  return {
    seq: new Map(tables.rows.map((r) => [r.relname, Number(r.seq_scan)])),
    idx: new Map(indexes.rows.map((r) => [r.indexrelname, Number(r.idx_scan)])),
  };
}

/**
 * Recomputation at scale and the pages over it: a child process generates the organization and times
 * the recomputations; then the production build serves the dashboard, a system page and the evidence
 * explorer (a filtered first page and a keyset page after it) to a signed-in admin, timed one request
 * after another, beside the health endpoint as the baseline; PostgreSQL's own counters tell whether any
 * of those requests scanned the evidence tables sequentially, and which indexes served them.
 */
export async function benchScale(
  url: string,
  plan: { systems: number; evidence: number; requests: number },
): Promise<ScaleResult> {
  const child = await runJsonChild<ChildResult>(
    new URL("./bench-scale-child.ts", import.meta.url).pathname,
    { systems: plan.systems, evidence: plan.evidence },
    { DATABASE_URL: url, LOG_LEVEL: "error" },
  );
  const bench = await startBenchApp({ kind: "postgres", url }, []);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cookie = `next-auth.session-token=${child.token}`;
    const base = `/o/${child.slug}`;
    const api = await fetch(`${bench.origin}/api/v1/orgs/${child.slug}/evidence?systemId=${child.systemId}&limit=50`, {
      headers: { cookie },
    });
    const { nextCursor } = (await api.json()) as { nextCursor: string | null };
    if (!nextCursor) throw new Error("the evidence explorer gave no second page");
    const pages: [string, string][] = [
      ["dashboard", `${base}/dashboard`],
      ["system page", `${base}/systems/${child.systemId}`],
      ["evidence explorer, filtered", `${base}/evidence?systemId=${child.systemId}&outcome=fail`],
      [
        "evidence explorer, keyset page",
        `${base}/evidence?systemId=${child.systemId}&cursor=${encodeURIComponent(nextCursor)}`,
      ],
    ];
    const before = await readScanCounters(client);
    const timings: PageTiming[] = [];
    for (const [name, path] of pages) timings.push(await timePage(bench.origin, cookie, name, path, plan.requests));
    const health = await timePage(bench.origin, "", "health", "/api/health", plan.requests);
    // Backends report their counters when idle, at most every few seconds.
    await sleep(12_000);
    const after = await readScanCounters(client);
    const seqScans = Object.fromEntries(
      EVIDENCE_TABLES.map((t) => [t, (after.seq.get(t) ?? 0) - (before.seq.get(t) ?? 0)]),
    );
    const indexesUsed = Object.fromEntries(
      [...after.idx]
        .map(([name, n]) => [name, n - (before.idx.get(name) ?? 0)] as const)
        .filter(([, n]) => n > 0)
        .sort(),
    );
    return { ...child, pages: timings, health, seqScans, indexesUsed };
  } finally {
    await client.end();
    await bench.app.kill("SIGTERM");
  }
}
