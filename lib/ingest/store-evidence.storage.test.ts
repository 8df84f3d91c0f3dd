import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { JOBS } from "../jobs/job-names.ts";
import { startWorker } from "../jobs/start-worker.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { resolveOrgContext } from "../orgs/resolve-org-context.ts";
import { callRoute } from "../testing/call-route.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { openAppStore } from "../testing/open-app-store.ts";

let db: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await openAppStore());
});
afterAll(async () => cleanup());

describe(`ingest, job queue and worker (${process.env.ASSAY_TEST_STORE ?? "postgres"})`, () => {
  it("stores a delivery, enqueues its mapping job in the same transaction, and the worker writes findings and links", async () => {
    await createOrganization(db.prisma, { kind: "cli" }, { slug: "store", name: "Store test" });
    const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, "store");
    const created = await createIntegration(db.prisma, ctx, { source: "standard-webhooks" });
    const body = JSON.stringify({
      type: "assay.finding",
      timestamp: "2026-11-24T10:00:00Z",
      data: {
        findings: [
          { check: "rate-limit", outcome: "pass", title: "429 enforced", subject: { kind: "gateway", name: "gw" } },
        ],
      },
    });
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: created.id },
      body,
      headers: signStandardWebhook(created.secret ?? "", body),
    });
    expect(res.status).toBe(202);
    const { evidenceId } = res.body as { evidenceId: string };
    const boss = await getJobQueue();
    const [stats] = await boss.getQueueStats(JOBS.mapEvidence);
    expect(stats?.queuedCount).toBe(1);
    await startWorker();
    await expect
      .poll(() => db.prisma.controlLink.count({ where: { evidenceId } }), { timeout: 20_000, interval: 250 })
      .toBeGreaterThan(0);
    expect(await db.prisma.finding.count({ where: { evidenceId } })).toBe(1);
    // PostgreSQL: the application's role has no DELETE; PGlite (one user): the append-only trigger.
    await expect(db.prisma.finding.deleteMany({ where: { evidenceId } })).rejects.toThrow(
      db.kind === "postgres" ? /permission denied/ : /append-only/,
    );
  });
});
