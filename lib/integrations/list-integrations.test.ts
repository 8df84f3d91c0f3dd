import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { createIntegration, type CreatedIntegration } from "./create-integration.ts";
import type { IntegrationSummary } from "./to-integration-summary.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const route = (
  method: string,
  template: string,
  params: Record<string, string> = {},
  body?: unknown,
  as: { cookie?: string; bearer?: string } = { cookie: f.sessions.engineer },
) => callRoute({ method, template, params: { org: "acme", ...params }, as, body });

const BODY = JSON.stringify({
  type: "assay.finding",
  timestamp: new Date().toISOString(),
  data: { findings: [{ check: "red-team", outcome: "fail", title: "jailbreak", subject: { name: "m" } }] },
});

describe("integrations API", () => {
  it("creates an integration (secret shown once), lists it with secrets by prefix only, deliveries and rejections", async () => {
    const created = await route(
      "POST",
      "/api/v1/orgs/[org]/integrations",
      {},
      {
        source: "standard-webhooks",
        name: "generic",
        systemId: f.systems.acme,
      },
    );
    expect(created.status).toBe(201);
    const integration = created.body as CreatedIntegration;
    expect(integration.secret).toMatch(/^whsec_/);
    expect(integration.url).toBe(`http://assay.test/api/v1/ingest/${integration.id}`);

    const ok = await callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: integration.id },
      body: BODY,
      headers: signStandardWebhook(integration.secret ?? "", BODY),
    });
    expect(ok.status).toBe(202);
    const forged = await callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: integration.id },
      body: BODY,
      headers: signStandardWebhook(`whsec_${Buffer.from("wrong key material!!").toString("base64")}`, BODY),
    });
    expect(forged.status).toBe(401);

    const list = await route("GET", "/api/v1/orgs/[org]/integrations", {}, undefined, { bearer: f.tokens.read });
    expect(list.status).toBe(200);
    const [item] = (list.body as { integrations: IntegrationSummary[] }).integrations;
    expect(item).toMatchObject({
      id: integration.id,
      name: "generic",
      scheme: "standard-webhooks",
      schemeHeader: expect.stringContaining("webhook-signature") as unknown,
      url: integration.url,
      system: { id: f.systems.acme, name: "Support chatbot" },
      disabled: false,
      secrets: [{ prefix: (integration.secret ?? "").slice(0, 10), expiresAt: null, active: true }],
      deliveries: [{ evidenceId: (ok.body as { evidenceId: string }).evidenceId, findings: 1, failing: 1 }],
      rejections: [{ status: 401, code: "unauthenticated" }],
    });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(integration.secret ?? "-");
    expect(text).not.toMatch(/sealed|tokenHash|"v1\./);
  });

  it("rotates with an overlap, disables and re-enables (audited), and sends a test delivery", async () => {
    const { id } = (await route("POST", "/api/v1/orgs/[org]/integrations", {}, { source: "garak", name: "scanner" }))
      .body as CreatedIntegration;
    const rotated = await route(
      "POST",
      "/api/v1/orgs/[org]/integrations/[integrationId]/rotate",
      { integrationId: id },
      {
        overlapHours: 2,
      },
    );
    expect(rotated.status).toBe(200);
    expect((rotated.body as { secret: string }).secret).toMatch(/^assay_it_/);
    const detail = (await route("GET", "/api/v1/orgs/[org]/integrations/[integrationId]", { integrationId: id }))
      .body as IntegrationSummary;
    expect(detail.secrets).toHaveLength(2);
    expect(detail.secrets.map((s) => s.expiresAt === null)).toEqual([true, false]);

    const patch = (body: unknown, as?: { cookie: string }) =>
      route("PATCH", "/api/v1/orgs/[org]/integrations/[integrationId]", { integrationId: id }, body, as);
    const off = await patch({ disabled: true });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id, disabled: true });
    expect((await patch({ disabled: true, name: "x" })).status).toBe(422);
    expect((await patch({ disabled: false }, { cookie: f.sessions.compliance })).status).toBe(403);
    const refused = await route("POST", "/api/v1/orgs/[org]/integrations/[integrationId]/test-delivery", {
      integrationId: id,
    });
    expect(refused.status).toBe(409);
    expect((await patch({ disabled: false })).body).toMatchObject({ disabled: false, disabledAt: null });
    const actions = await db.prisma.auditEntry.findMany({
      where: { targetId: id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "integration.create",
      "integration.rotate",
      "integration.disable",
      "integration.enable",
    ]);

    const test = await route("POST", "/api/v1/orgs/[org]/integrations/[integrationId]/test-delivery", {
      integrationId: id,
    });
    expect(test.status).toBe(202);
    const after = (await route("GET", "/api/v1/orgs/[org]/integrations/[integrationId]", { integrationId: id }))
      .body as IntegrationSummary;
    expect(after.deliveries.map((d) => d.evidenceId)).toEqual([(test.body as { evidenceId: string }).evidenceId]);
  });

  it("answers 404 for another organization's integration, a random id and a malformed one", async () => {
    const globex = await createIntegration(db.prisma, f.globex, { source: "litellm", name: "globex-gw" });
    for (const integrationId of [globex.id, randomUUID(), "not-a-uuid"]) {
      const params = { integrationId };
      expect((await route("GET", "/api/v1/orgs/[org]/integrations/[integrationId]", params)).status).toBe(404);
      const patched = await route("PATCH", "/api/v1/orgs/[org]/integrations/[integrationId]", params, {
        disabled: true,
      });
      expect(patched.status).toBe(404);
      const rotate = "/api/v1/orgs/[org]/integrations/[integrationId]/rotate";
      expect((await route("POST", rotate, params, {})).status).toBe(404);
      const test = "/api/v1/orgs/[org]/integrations/[integrationId]/test-delivery";
      expect((await route("POST", test, params)).status).toBe(404);
    }
    const list = (await route("GET", "/api/v1/orgs/[org]/integrations")).body as { integrations: { id: string }[] };
    expect(list.integrations.map((i) => i.id)).not.toContain(globex.id);
    expect((await db.prisma.integration.findUniqueOrThrow({ where: { id: globex.id } })).disabledAt).toBeNull();
  });
});
