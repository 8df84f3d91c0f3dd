import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { rotateIntegrationSecret } from "../integrations/rotate-integration-secret.ts";
import { setIntegrationDisabled } from "../integrations/set-integration-disabled.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { listRejections } from "./record-rejection.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  process.env.ASSAY_INGEST_RATE_PER_SECOND = "0.5";
  process.env.ASSAY_INGEST_BURST = "3";
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => {
  delete process.env.ASSAY_INGEST_RATE_PER_SECOND;
  delete process.env.ASSAY_INGEST_BURST;
  await cleanup();
});

const post = (id: string, body: string, headers: Record<string, string>, method = "POST") =>
  callRoute({ method, template: "/api/v1/ingest/[integrationId]", params: { integrationId: id }, body, headers });

const envelope = (n: number) => JSON.stringify({ type: "t", timestamp: "2026-11-24T10:00:00Z", data: { n } });

describe("ingest limits, rotation and Event Grid", () => {
  it("answers 429 with Retry-After past the integration's rate, writes nothing, and shows it as a rejection", async () => {
    const created = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks" });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await post(created.id, envelope(i), signStandardWebhook(created.secret ?? "", envelope(i)));
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.response.headers.get("retry-after");
    }
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.evidence.count({ where: { integrationId: created.id } })).toBe(3);
    expect(listRejections(created.id)[0]).toMatchObject({ status: 429, code: "rate_limited" });
  });

  it("keeps the old secret verifying during the rotation overlap, and not after it", async () => {
    const created = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks" });
    const rotated = await rotateIntegrationSecret(db.prisma, f.acme, created.id, { overlapHours: 1 });
    expect((await post(created.id, envelope(1), signStandardWebhook(created.secret ?? "", envelope(1)))).status).toBe(
      202,
    );
    expect((await post(created.id, envelope(2), signStandardWebhook(rotated.secret ?? "", envelope(2)))).status).toBe(
      202,
    );
    await db.prisma.integrationSecret.updateMany({
      where: { integrationId: created.id, expiresAt: { not: null } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await post(created.id, envelope(3), signStandardWebhook(created.secret ?? "", envelope(3)))).status).toBe(
      401,
    );
    await setIntegrationDisabled(db.prisma, f.acme, created.id, true);
    const disabled = await post(created.id, envelope(4), signStandardWebhook(rotated.secret ?? "", envelope(4)));
    expect(disabled.status).toBe(401);
  });

  it("answers the Event Grid validation handshake only with the integration's token, and stores nothing", async () => {
    const created = await createIntegration(db.prisma, f.acme, { source: "azureml" });
    const handshake = JSON.stringify([
      {
        id: "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
        topic: "/subscriptions/x",
        subject: "",
        data: { validationCode: "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" },
        eventType: "Microsoft.EventGrid.SubscriptionValidationEvent",
        eventTime: "2026-11-24T10:00:00Z",
        dataVersion: "2",
      },
    ]);
    const headers = { "content-type": "application/json", "aeg-event-type": "SubscriptionValidation" };
    expect((await post(created.id, handshake, headers)).status).toBe(401);
    const ok = await post(created.id, handshake, { ...headers, authorization: `Bearer ${created.secret ?? ""}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ validationResponse: "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" });
    const preflight = await callRoute({
      method: "OPTIONS",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: created.id },
      headers: { "webhook-request-origin": "eventgrid.azure.net" },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.response.headers.get("webhook-allowed-origin")).toBe("eventgrid.azure.net");
    expect(await db.prisma.evidence.count({ where: { integrationId: created.id } })).toBe(0);
  });
});
