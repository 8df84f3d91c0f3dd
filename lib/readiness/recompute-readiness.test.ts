import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { startWorker } from "../jobs/start-worker.ts";
import type { ReadinessResult } from "../scoring/scoring-types.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { createWaiver } from "../waivers/create-waiver.ts";
import { recomputeReadiness } from "./recompute-readiness.ts";
import { requestRecomputeEverywhere } from "./request-recompute-everywhere.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
const RED_TEAM = "zero-trust-ai:applications.security-testing.red-team-ci";

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

async function waitForSnapshot(after: Date, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const snap = await db.prisma.readinessSnapshot.findFirst({
      where: { orgId: f.acme.org.id, createdAt: { gt: after } },
      orderBy: { createdAt: "desc" },
    });
    if (snap) return snap;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no new snapshot within the worker's cycle");
}

const statusOf = (result: ReadinessResult, requirementId: string) =>
  result.systems[0]?.requirements.find((r) => r.requirementId === requirementId);

describe("recomputation in the worker", () => {
  it("evidence posted to the real ingest endpoint changes the score and stores a new snapshot", async () => {
    await startWorker();
    const first = await waitForSnapshot(new Date(0));
    const before = first.result as unknown as ReadinessResult;
    expect(statusOf(before, RED_TEAM)?.status).toBe("missing");

    const integration = await createIntegration(db.prisma, f.acme, {
      source: "standard-webhooks",
      name: "red team",
      systemId: f.systems.acme,
    });
    const body = JSON.stringify({
      type: "assay.red-team",
      timestamp: new Date().toISOString(),
      data: {
        findings: [
          {
            check: "red-team",
            outcome: "pass",
            title: "jailbreak suite resisted",
            subject: { kind: "model", name: "m" },
          },
        ],
      },
    });
    const sent = new Date();
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: integration.id },
      body,
      headers: signStandardWebhook(integration.secret ?? "", body),
    });
    expect(res.status).toBe(202);
    const evidenceId = (res.body as { evidenceId: string }).evidenceId;

    const snap = await waitForSnapshot(sent);
    expect(snap.trigger).toBe("evidence");
    const after = snap.result as unknown as ReadinessResult;
    const met = statusOf(after, RED_TEAM);
    expect(met?.status).toBe("met");
    expect(met?.expectations[0]?.decidedBy[0]?.evidenceId).toBe(evidenceId);
    expect(snap.score).toBeGreaterThan(first.score ?? 0);
    expect(snap.digest).not.toBe(first.digest);

    // The dashboard's numbers (computed live) agree with the snapshot the worker stored.
    const live = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/readiness",
      params: { org: "acme" },
      query: { asOf: snap.asOf.toISOString() },
      as: { cookie: f.sessions.ciso },
    });
    expect((live.body as { score: number }).score).toBe(snap.score);
  });

  it("a waiver triggers a recomputation too; an unchanged posture stores no duplicate snapshot", async () => {
    const fail = JSON.stringify({
      type: "assay.red-team",
      timestamp: new Date().toISOString(),
      data: {
        findings: [
          {
            check: "red-team",
            outcome: "fail",
            severity: "high",
            title: "prompt injection got through",
            subject: { kind: "model", name: "m2" },
          },
        ],
      },
    });
    const integration = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks", name: "red team 2" });
    const sent = new Date();
    await callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: integration.id },
      body: fail,
      headers: signStandardWebhook(integration.secret ?? "", fail),
    });
    const failing = await waitForSnapshot(sent);
    expect(statusOf(failing.result as unknown as ReadinessResult, RED_TEAM)?.status).toBe("failing");

    const waived = new Date();
    const ctx = {
      ...f.acme,
      actor: {
        kind: "user" as const,
        userId: f.members.compliance.userId,
        sessionId: "s",
        email: "compliance@acme.test",
        name: null,
      },
    };
    await createWaiver(db.prisma, ctx, {
      requirementId: RED_TEAM,
      reason: "Fix ships with the next model release.",
      compensatingControl: "Output filter blocks the injected instruction.",
      approver: "admin@acme.test",
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    });
    const snap = await waitForSnapshot(waived);
    expect(snap.trigger).toBe("waiver");
    expect(statusOf(snap.result as unknown as ReadinessResult, RED_TEAM)).toMatchObject({
      status: "waived",
      evidenceStatus: "failing",
    });

    const again = await recomputeReadiness(db.prisma, f.acme.org.id, "manual");
    expect(again).toMatchObject({ stored: false, snapshotId: snap.id });
  });

  it("a catalog change asks for every organization's recomputation, which the worker completes", async () => {
    expect(await requestRecomputeEverywhere(db.prisma, "catalog")).toBe(2);
    const until = Date.now() + 20_000;
    let done = 0;
    while (Date.now() < until && done < 2) {
      const rows = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job
         WHERE name = 'readiness.recompute' AND data->>'trigger' = 'catalog' AND state = 'completed'`;
      done = rows[0]?.n ?? 0;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(done).toBe(2);
  });
});
