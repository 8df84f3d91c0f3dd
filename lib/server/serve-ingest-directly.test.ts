import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { serveIngestDirectly } from "./serve-ingest-directly.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let server: Server;
let base = "";
let integration = { id: "", secret: "" };

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
  const created = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks", maxBodyBytes: 4096 });
  integration = { id: created.id, secret: created.secret ?? "" };
  // What start-server does: the direct path first, anything else to the next handler (here a 418).
  server = createServer((req, res) => {
    if (serveIngestDirectly(req, res, "http://assay.test")) return;
    res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanup();
});

const body = JSON.stringify({ type: "direct.test", timestamp: "2026-11-24T00:00:00Z", data: { findings: [] } });

describe("the ingest endpoint served without the Next.js router", () => {
  it("stores a signed delivery and answers 202 with the API security headers, as the route handler does", async () => {
    const res = await fetch(`${base}/api/v1/ingest/${integration.id}`, {
      method: "POST",
      headers: signStandardWebhook(integration.secret, body, { id: "msg_direct_1" }),
      body,
    });
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { evidenceId: string; duplicate: boolean };
    expect(answer.duplicate).toBe(false);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const stored = await db.prisma.evidence.findUniqueOrThrow({ where: { id: answer.evidenceId } });
    expect(Buffer.from(stored.body).toString("utf8")).toBe(body);
  });

  it("refuses a forged signature, an over-size streamed body and an unknown integration with the same errors", async () => {
    const forged = await fetch(`${base}/api/v1/ingest/${integration.id}`, {
      method: "POST",
      headers: signStandardWebhook("whsec_" + Buffer.from("not the secret").toString("base64"), body),
      body,
    });
    expect(forged.status).toBe(401);
    const big = "x".repeat(10_000);
    const tooBig = await fetch(`${base}/api/v1/ingest/${integration.id}`, {
      method: "POST",
      headers: signStandardWebhook(integration.secret, big),
      body: big,
    });
    expect(tooBig.status).toBe(413);
    const unknown = await fetch(`${base}/api/v1/ingest/00000000-0000-4000-8000-000000000000`, {
      method: "POST",
      headers: signStandardWebhook(integration.secret, body),
      body,
    });
    expect(unknown.status).toBe(404);
    expect(await db.prisma.evidence.count({ where: { integrationId: integration.id } })).toBe(1);
  });

  it("leaves every other request to Next.js", async () => {
    expect((await fetch(`${base}/api/v1/ingest/${integration.id}`)).status).toBe(418);
    expect((await fetch(`${base}/api/v1/ingest/${integration.id}/extra`, { method: "POST" })).status).toBe(418);
    expect((await fetch(`${base}/api/v1/evidence`, { method: "POST" })).status).toBe(418);
  });
});
