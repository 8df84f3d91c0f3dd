// Fault test against the production build (`assay start`: Next.js serving the build, ASSAY_WORKER=off)
// with a separate `assay worker`, on a PostgreSQL server of the test's own (so it may crash it):
// 5,000 signed deliveries at concurrency 50 on loopback while the app is killed with SIGKILL three
// times, the worker once in the middle of its jobs, and PostgreSQL is stopped `immediate` once. The
// sender sends again whatever was not acknowledged. Afterwards: acknowledged-but-missing 0,
// duplicates 0, hash mismatches 0, and every mapping job completed once.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDeliveries } from "../testing/faults/check-deliveries.ts";
import { prepareFaultRun, type FaultRun } from "../testing/faults/prepare-fault-run.ts";
import { readStoredDeliveries } from "../testing/faults/read-stored-deliveries.ts";
import { makeDeliveries, sendDeliveries, type SendReport } from "../testing/faults/send-deliveries.ts";
import type { AssayProcess } from "../testing/faults/start-assay-process.ts";
import { startPrivatePostgres, type PrivatePostgres } from "../testing/faults/start-private-postgres.ts";

const DELIVERIES = 5_000;
const CONCURRENCY = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: PrivatePostgres;
let run: FaultRun;
let app: AssayProcess;
let worker: AssayProcess;
let report: SendReport;
const faults: string[] = [];
let orphanedJobs: string[] = [];

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: run.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Kills the worker while it holds mapping jobs, and returns the jobs it left active. */
async function killWorkerMidJob(): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const active = await query(`SELECT 1 FROM pgboss.job WHERE name = 'evidence.map' AND state = 'active' LIMIT 1`);
    if (active.length > 0) break;
    await sleep(25);
  }
  await worker.kill("SIGKILL");
  const left = await query<{ id: string }>(
    `SELECT id FROM pgboss.job WHERE name = 'evidence.map' AND state = 'active'`,
  );
  return left.map((r) => r.id);
}

beforeAll(async () => {
  server = await startPrivatePostgres();
  run = await prepareFaultRun(server);
  app = await run.startApp();
  worker = await run.startWorker();
}, 240_000);

afterAll(async () => {
  await Promise.all([app?.kill("SIGKILL"), worker?.kill("SIGKILL")]);
  server?.destroy();
});

describe(`${DELIVERIES} signed deliveries while the app, the worker and PostgreSQL are crashed`, () => {
  it("acknowledges every delivery once it is stored: none missing, none twice, every byte intact", async () => {
    const waiters: { at: number; resolve: () => void }[] = [];
    let acked = 0;
    const reached = (at: number) =>
      new Promise<void>((resolve) => (acked >= at ? resolve() : waiters.push({ at, resolve })));
    let sending = true;
    const chaos = (async () => {
      const step = async (at: number, name: string, fault: () => Promise<void>) => {
        await reached(at);
        if (!sending) return;
        await fault();
        faults.push(`${name} at ${acked} acknowledged`);
      };
      const killApp = async () => {
        await app.kill("SIGKILL");
        app = await run.startApp();
      };
      await step(600, "app SIGKILL", killApp);
      await step(1_300, "worker SIGKILL mid-job", async () => {
        orphanedJobs = await killWorkerMidJob();
        worker = await run.startWorker();
      });
      await step(2_000, "app SIGKILL", killApp);
      await step(2_800, "PostgreSQL stop -m immediate", async () => {
        server.stop("immediate");
        await sleep(2_000);
        server.start();
      });
      await step(3_600, "app SIGKILL", killApp);
    })();
    report = await sendDeliveries({
      url: run.ingestUrl,
      secret: run.secret,
      deliveries: makeDeliveries(DELIVERIES, "msg_fault"),
      concurrency: CONCURRENCY,
      deadline: Date.now() + 420_000,
      onAcknowledged: (n) => {
        acked = n;
        for (const w of waiters.filter((w) => w.at <= n)) w.resolve();
      },
    });
    sending = false;
    for (const w of waiters) w.resolve();
    await chaos;

    const stored = await readStoredDeliveries(run.databaseUrl, run.integrationId);
    const check = checkDeliveries(report.acknowledged, stored);
    console.log(
      `fault run: ${report.attempts} attempts in ${report.seconds.toFixed(1)} s, failures ${JSON.stringify(report.failures)}; ` +
        `faults: ${faults.join("; ")}; acknowledged ${check.acknowledged}, stored ${check.stored}, ` +
        `missing ${check.missing.length}, duplicates ${check.duplicates.length}, mismatches ${check.mismatches.length}`,
    );
    expect(faults).toHaveLength(5);
    expect(report.refused).toEqual([]);
    expect(report.unacknowledged).toEqual([]);
    expect(report.conflictingAcks).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(check.duplicates).toEqual([]);
    expect(check.mismatches).toEqual([]);
    expect(check.wrongIds).toEqual([]);
    expect(check.stored).toBe(DELIVERIES);
    // The faults cost something: some attempts failed and were sent again.
    expect(report.attempts).toBeGreaterThan(DELIVERIES);
  }, 600_000);

  it("completes every mapping job once, including those the killed worker held", async () => {
    expect(orphanedJobs.length).toBeGreaterThan(0);
    type Row = { evidence: string; jobs: number; completed: number; findings: number };
    const tally = () =>
      query<Row>(
        `SELECT e.id AS evidence,
                (SELECT count(*)::int FROM pgboss.job j WHERE j.name = 'evidence.map' AND j.data->>'evidenceId' = e.id::text) AS jobs,
                (SELECT count(*)::int FROM pgboss.job j WHERE j.name = 'evidence.map' AND j.data->>'evidenceId' = e.id::text AND j.state = 'completed') AS completed,
                (SELECT count(*)::int FROM "Finding" f WHERE f."evidenceId" = e.id) AS findings
           FROM "Evidence" e WHERE e."integrationId" = $1`,
        [run.integrationId],
      );
    const deadline = Date.now() + 240_000;
    let rows = await tally();
    while (rows.some((r) => r.completed < 1) && Date.now() < deadline) {
      await sleep(2_000);
      rows = await tally();
    }
    const orphans = await query<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])`,
      [orphanedJobs],
    );
    const states = await query(
      `SELECT state, count(*)::int AS n, max(retry_count) AS retries FROM pgboss.job WHERE name = 'evidence.map' GROUP BY state`,
    );
    console.log(`evidence.map jobs: ${JSON.stringify(states)}; worker: ${worker.tail()}`);
    console.log(
      `worker fault: ${orphanedJobs.length} jobs held by the killed worker; ${rows.filter((r) => r.completed === 1).length}/${rows.length} evidence mapped`,
    );
    expect(rows).toHaveLength(DELIVERIES);
    expect(rows.filter((r) => r.jobs !== 1 || r.completed !== 1)).toEqual([]);
    // Each body holds two findings: each stored exactly once, none lost with the killed worker.
    expect(rows.filter((r) => r.findings !== 2)).toEqual([]);
    expect(orphans.map((o) => o.state)).toEqual(orphanedJobs.map(() => "completed"));
    expect(orphans.every((o) => o.retry_count >= 1)).toBe(true);
  }, 300_000);
});
