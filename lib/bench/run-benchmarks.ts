// `npm run bench [-- --quick]`: every benchmark against the production build on a PostgreSQL server of
// its own (initdb in a temporary directory), with its baseline measured in the same run; prints the
// table and writes bench/results.json (--quick: a few seconds each, written to
// test-reports/bench-quick.json, only to prove the benchmarks run; CI does that).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ensureBuild } from "../server/ensure-build.ts";
import { startPrivatePostgres } from "../testing/faults/start-private-postgres.ts";
import { benchIngestion } from "./bench-ingestion.ts";
import { benchReports } from "./bench-reports.ts";
import { benchScale } from "./bench-scale.ts";
import { toScaleRows } from "./to-scale-rows.ts";
import { describeMachine } from "./describe-machine.ts";
import { formatBenchTable, type BenchRow } from "./format-bench-table.ts";
import { runPgbenchBaseline } from "./run-pgbench-baseline.ts";

const quick = process.argv.includes("--quick");
const seconds = quick ? 3 : 60;
const connections = 50;
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

ensureBuild(process.cwd(), log);
const server = await startPrivatePostgres({ shared_buffers: "512MB", max_wal_size: "4GB" });
const rows: BenchRow[] = [];
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  for (const db of ["bench_pgbench", "bench_ingest", "bench_reports", "bench_scale"])
    await admin.query(`CREATE DATABASE ${db}`);
  const postgresVersion =
    (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
  await admin.end();

  log(`pgbench baseline: ${connections} connections, ${seconds} s`);
  const baseline = await runPgbenchBaseline(server.url("bench_pgbench"), { connections, seconds, bodyBytes: 1024 });
  log(`ingestion on PostgreSQL: ${connections} connections, ${seconds} s per body size`);
  const onPostgres = await benchIngestion(
    { kind: "postgres", url: server.url("bench_ingest") },
    { connections, seconds, warmupSeconds: quick ? 1 : 5 },
  );
  const dataDir = mkdtempSync(join(tmpdir(), "assay-bench-pglite-"));
  log("ingestion on the embedded PGlite");
  const onPglite = await benchIngestion(
    { kind: "pglite", dataDir },
    { connections, seconds: Math.min(seconds, 30), warmupSeconds: quick ? 1 : 5 },
  ).finally(() => rmSync(dataDir, { recursive: true, force: true }));

  // autocannon counts timeouts among its errors; non-2xx answers are counted apart.
  const failed = (r: typeof onPostgres.mix) => r.errors + r.non2xx;
  const ingest = (name: string, r: typeof onPostgres.mix, target: boolean): BenchRow => ({
    benchmark: name,
    figure: `${r.perSecond.toFixed(0)}/s, p99 ${r.p99} ms, ${failed(r)} errors (${r.timeouts} timeouts)`,
    target: target ? "≥ 2,000/s, p99 < 50 ms, 0 errors; ≥ 0.25 × pgbench" : "none (planning figure)",
    baseline: `pgbench ${baseline.perSecond.toFixed(0)} rows/s`,
    ratio: r.perSecond / baseline.perSecond,
    met: target
      ? r.perSecond >= 2000 &&
        r.p99 < 50 &&
        r.errors + r.timeouts + r.non2xx === 0 &&
        r.perSecond >= 0.25 * baseline.perSecond
      : null,
  });
  rows.push(
    ingest("ingestion, PostgreSQL, 1 KiB mix", onPostgres.mix, true),
    ingest("ingestion, PostgreSQL, 64 KiB", onPostgres.large, true),
    ingest("ingestion, PGlite, 1 KiB mix", onPglite.mix, false),
    ingest("ingestion, PGlite, 64 KiB", onPglite.large, false),
  );
  const plan = quick ? { systems: 5, files: 500 } : { systems: 50, files: 10_000 };
  log(`reports: ${plan.systems} systems over the full catalogs, an audit pack of ${plan.files} evidence files`);
  const reports = await benchReports(server.url("bench_reports"), plan);
  rows.push(
    {
      benchmark: `signed report, ${reports.requirements} requirements × ${reports.systems} systems`,
      figure: `${reports.report.seconds.toFixed(1)} s, peak RSS ${reports.report.peakMiB.toFixed(0)} MiB (+${reports.report.growthMiB.toFixed(0)} MiB)`,
      target: "< 5 s, < 300 MB peak (500 requirements × 50 systems)",
      baseline: `readiness recomputation of the same data ${reports.recompute.seconds.toFixed(1)} s`,
      ratio: reports.report.seconds / reports.recompute.seconds,
      met: reports.report.seconds < 5 && reports.report.peakMiB < 300,
    },
    {
      benchmark: `audit pack, ${reports.pack.files} evidence files`,
      figure: `${reports.pack.seconds.toFixed(1)} s, ${(reports.pack.bytes / 2 ** 20).toFixed(0)} MiB written, memory +${reports.pack.growthMiB.toFixed(0)} MiB`,
      target: "< 30 s, memory flat (growth < 100 MiB, below the evidence's own size)",
      baseline: `reading the same ${(reports.baseline.bytes / 2 ** 20).toFixed(0)} MiB out of PostgreSQL ${reports.baseline.seconds.toFixed(1)} s`,
      ratio: reports.pack.seconds / reports.baseline.seconds,
      met: reports.pack.seconds < 30 && reports.pack.growthMiB < 100,
    },
  );
  const scalePlan = quick
    ? { systems: 10, evidence: 5_000, requests: 5 }
    : { systems: 200, evidence: 1_000_000, requests: 40 };
  log(`scale: ${scalePlan.systems} systems, ${scalePlan.evidence} pieces of evidence; recomputation and pages`);
  const scale = await benchScale(server.url("bench_scale"), scalePlan);
  rows.push(...toScaleRows(scale));
  const results = {
    date: new Date().toISOString(),
    quick,
    secondsPerLoad: seconds,
    connections,
    machine: { ...describeMachine(), postgres: postgresVersion },
    rows,
    raw: { baseline, onPostgres, onPglite, reports, scale: { ...scale, token: undefined } },
  };
  process.stdout.write(`${formatBenchTable(rows)}\n`);
  const file = quick ? "test-reports/bench-quick.json" : "bench/results.json";
  mkdirSync(file.split("/")[0] ?? ".", { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${file}`);
} finally {
  server.destroy();
}
