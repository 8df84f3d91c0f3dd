// Negative controls of the delivery fault test: with a protection removed, the same checker must
// report the loss, the duplicates and the changed bytes. Each control injects its fault on purpose
// and asserts that the checker detects it (so a checker that cannot fail would fail here).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDeliveries } from "../testing/faults/check-deliveries.ts";
import { prepareFaultRun, type FaultRun } from "../testing/faults/prepare-fault-run.ts";
import { readStoredDeliveries } from "../testing/faults/read-stored-deliveries.ts";
import { makeDeliveries, sendDeliveries } from "../testing/faults/send-deliveries.ts";
import type { AssayProcess } from "../testing/faults/start-assay-process.ts";
import { startAckFirstProxy } from "../testing/faults/start-ack-first-proxy.ts";
import { startPrivatePostgres, type PrivatePostgres } from "../testing/faults/start-private-postgres.ts";

let server: PrivatePostgres;
let run: FaultRun;
let app: AssayProcess;

async function asOwner(sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: run.databaseUrl });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const send = (prefix: string, count: number, url = run.ingestUrl, repeat = 1) =>
  sendDeliveries({
    url,
    secret: run.secret,
    deliveries: makeDeliveries(count, prefix).flatMap((d) => Array.from({ length: repeat }, () => d)),
    concurrency: 50,
    deadline: Date.now() + 120_000,
  });

beforeAll(async () => {
  server = await startPrivatePostgres();
  run = await prepareFaultRun(server);
  app = await run.startApp();
}, 240_000);

afterAll(async () => {
  await app?.kill("SIGKILL");
  server?.destroy();
});

describe("the delivery checker catches each injected fault", () => {
  it("reports changed bytes: one stored body altered, one row's bytes and hash replaced together", async () => {
    const report = await send("msg_bytes", 50);
    expect(
      checkDeliveries(
        report.acknowledged,
        await readStoredDeliveries(run.databaseUrl, run.integrationId, "msg_bytes_"),
      ),
    ).toMatchObject({ acknowledged: 50, stored: 50, missing: [], duplicates: [], mismatches: [] });
    // The fault, as the database owner with the append-only trigger off.
    await asOwner(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE "Evidence" SET body = overlay(body placing '\\x21'::bytea from 5 for 1) WHERE "deliveryId" = 'msg_bytes_3';
      UPDATE "Evidence" SET body = '\\x7b7d'::bytea, sha256 = encode(sha256('\\x7b7d'::bytea), 'hex') WHERE "deliveryId" = 'msg_bytes_7';
      COMMIT;`);
    const check = checkDeliveries(
      report.acknowledged,
      await readStoredDeliveries(run.databaseUrl, run.integrationId, "msg_bytes_"),
    );
    expect(check.mismatches.sort()).toEqual(["msg_bytes_3", "msg_bytes_7"]);
    expect(check.missing).toEqual([]);
  });

  it("reports duplicates once the unique (organization, dedupe key) index is dropped and deliveries arrive twice", async () => {
    await asOwner(`DROP INDEX "Evidence_orgId_dedupeKey_key"`);
    const report = await send("msg_twice", 100, run.ingestUrl, 2);
    const check = checkDeliveries(
      report.acknowledged,
      await readStoredDeliveries(run.databaseUrl, run.integrationId, "msg_twice_"),
    );
    console.log(
      `duplicates control: stored ${check.stored} rows for ${check.acknowledged} deliveries, ${check.duplicates.length} duplicated`,
    );
    expect(check.duplicates).toHaveLength(100);
    expect(check.stored).toBe(200);
    // The sender sees it too: the second 202 names another evidence id.
    expect(report.conflictingAcks).toHaveLength(100);
  });

  it("reports acknowledged-but-missing deliveries when the endpoint acknowledges before it commits and the app is killed", async () => {
    const proxy = await startAckFirstProxy(run.ingestUrl);
    let killed: Promise<string> | undefined;
    const report = await sendDeliveries({
      url: proxy.url,
      secret: run.secret,
      deliveries: makeDeliveries(600, "msg_early"),
      concurrency: 50,
      deadline: Date.now() + 60_000,
      onAcknowledged: (n) => {
        if (n === 200) killed = app.kill("SIGKILL");
      },
    });
    await killed;
    await proxy.drained();
    await proxy.close();
    const check = checkDeliveries(
      report.acknowledged,
      await readStoredDeliveries(run.databaseUrl, run.integrationId, "msg_early_"),
    );
    console.log(
      `ack-before-commit control: acknowledged ${check.acknowledged}, stored ${check.stored}, missing ${check.missing.length}`,
    );
    expect(report.unacknowledged).toEqual([]);
    expect(check.missing.length).toBeGreaterThan(0);
    expect(check.missing.length).toBe(check.acknowledged - check.stored);
  });
});
