import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { findPostgresBin } from "../testing/faults/find-postgres-bin.ts";

/**
 * The ingestion baseline: `pgbench` inserting the rows a delivery stores (raw bytes, their sha256, a
 * unique delivery id) into a table of their own, with the same number of connections as the HTTP
 * load, for `seconds`. Returns transactions (= rows) per second.
 */
export async function runPgbenchBaseline(
  url: string,
  options: { connections: number; seconds: number; bodyBytes: number },
): Promise<{ perSecond: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS bench_delivery;
    CREATE TABLE bench_delivery (
      id bigserial PRIMARY KEY,
      delivery_id text NOT NULL UNIQUE,
      body bytea NOT NULL,
      sha256 text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`);
  await client.end();
  const dir = mkdtempSync(join(tmpdir(), "assay-pgbench-"));
  const script = join(dir, "insert.sql");
  writeFileSync(
    script,
    `\\set r random(1, 1000000000)
INSERT INTO bench_delivery (delivery_id, body, sha256)
  SELECT 'msg_' || :client_id || '_' || :r || '_' || gen_random_uuid(), b, encode(sha256(b), 'hex')
  FROM (SELECT convert_to(repeat(md5(:r::text), ${Math.ceil(options.bodyBytes / 32)}), 'UTF8') AS b) AS body;
`,
  );
  try {
    const u = new URL(url);
    const out = execFileSync(
      findPostgresBin("pgbench"),
      [
        "-h",
        u.hostname,
        "-p",
        u.port || "5432",
        "-U",
        decodeURIComponent(u.username) || "postgres",
        "-n",
        "-c",
        String(options.connections),
        "-j",
        "2",
        "-T",
        String(options.seconds),
        "-f",
        script,
        u.pathname.slice(1),
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const tps = /tps = ([\d.]+)/.exec(out);
    if (!tps?.[1]) throw new Error(`pgbench printed no tps:\n${out}`);
    return { perSecond: Number(tps[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
