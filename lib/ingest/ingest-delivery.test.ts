import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import { materializeEvidence } from "./materialize-evidence.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let integration: { id: string; secret: string };

const body = JSON.stringify({
  type: "assay.finding",
  timestamp: "2026-11-24T10:00:00Z",
  data: {
    findings: [
      {
        check: "red-team",
        outcome: "fail",
        severity: "high",
        title: "DAN jailbreak got through",
        subject: { kind: "model", name: "fraud-model" },
      },
      { check: "signature", outcome: "pass", title: "model signed", subject: { kind: "model", name: "fraud-model" } },
    ],
  },
});

const post = (raw: string | Uint8Array, headers: Record<string, string>, id = integration.id) =>
  callRoute({
    method: "POST",
    template: "/api/v1/ingest/[integrationId]",
    params: { integrationId: id },
    body: raw,
    headers,
  });

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  const created = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks", name: "generic" });
  integration = { id: created.id, secret: created.secret ?? "" };
});
afterAll(async () => cleanup());

describe("POST /api/v1/ingest/<integrationId>", () => {
  it("accepts a signed delivery with 202, stores the exact bytes once, and answers a redelivery the same way", async () => {
    const headers = signStandardWebhook(integration.secret, body);
    const first = await post(body, headers);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ duplicate: false, findings: 2, failing: 1 });
    const res = first.body as { evidenceId: string; requirements: string[] };
    expect(res.requirements).toContain("zero-trust-ai:applications.security-testing.red-team-ci");
    expect(res.requirements).toContain("eu-ai-act:art-15-5");
    const again = await post(body, headers);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ ...(first.body as object), duplicate: true });
    const rows = await db.prisma.evidence.findMany({ where: { integrationId: integration.id } });
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]?.body ?? []).toString("utf8")).toBe(body);
    expect(rows[0]?.deliveryId).toBe(headers["webhook-id"]);
    const done = await materializeEvidence(db.prisma, res.evidenceId);
    expect(done.findings).toBe(2);
    const links = await db.prisma.controlLink.findMany({ where: { evidenceId: res.evidenceId } });
    expect(new Set(links.map((l) => l.requirementId))).toEqual(new Set(res.requirements));
    // Append-only at the database level: the application's role has no DELETE (lib/db/app-role.test.ts).
    await expect(db.prisma.evidence.deleteMany({ where: { id: res.evidenceId } })).rejects.toThrow(/permission denied/);
  });

  it("refuses the same delivery id with different bytes as a conflicting replay", async () => {
    const headers = signStandardWebhook(integration.secret, body, { id: "msg_conflict" });
    expect((await post(body, headers)).status).toBe(202);
    const other = body.replace("DAN", "AIM");
    const res = await post(other, signStandardWebhook(integration.secret, other, { id: "msg_conflict" }));
    expect(res.status).toBe(409);
  });

  it("rejects forged, re-serialized, stale, wrong-secret and other-organization deliveries and writes nothing", async () => {
    const before = await db.prisma.evidence.count();
    const good = signStandardWebhook(integration.secret, body);
    const forged = { ...good, "webhook-signature": "v1," + Buffer.alloc(32, 1).toString("base64") };
    const reserialized = JSON.stringify(JSON.parse(body) as unknown, null, 1);
    const stale = signStandardWebhook(integration.secret, body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const wrong = signStandardWebhook("whsec_" + Buffer.alloc(24, 7).toString("base64"), body);
    const globex = await createIntegration(db.prisma, f.globex, { source: "standard-webhooks" });
    const cases = [
      await post(body, forged),
      await post(reserialized, good),
      await post(body, stale),
      await post(body, wrong),
      await post(body, good, globex.id),
    ];
    for (const res of cases) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: "unauthenticated" } });
    }
    expect(await db.prisma.evidence.count()).toBe(before);
  });

  it("answers oversize, deeply nested, invalid UTF-8, malformed and wrong-type bodies with their 4xx", async () => {
    const before = await db.prisma.evidence.count();
    const big = JSON.stringify({
      type: "x",
      timestamp: "2026-11-24T10:00:00Z",
      data: { pad: "a".repeat(5 * 1024 * 1024) },
    });
    const deep = `{"type":"x","timestamp":"2026-11-24T10:00:00Z","data":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const badUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const cases: [string | Uint8Array, number, Record<string, string>?][] = [
      [big, 413],
      [deep, 400],
      [badUtf8, 400],
      ["{not json", 400],
      ['{"hello":1}', 422],
      [body, 415, { "content-type": "application/xml" }],
    ];
    for (const [raw, status, extra] of cases) {
      const headers = { ...signStandardWebhook(integration.secret, raw), ...extra };
      const res = await post(raw, headers);
      expect(res.status, `expected ${status}`).toBe(status);
    }
    expect(await post(body, signStandardWebhook(integration.secret, body), "not-a-uuid")).toMatchObject({
      status: 404,
    });
    expect(await db.prisma.evidence.count()).toBe(before);
  });

  it("stores exactly one row for 100 concurrent identical deliveries", async () => {
    const headers = signStandardWebhook(integration.secret, body, { id: "msg_concurrent" });
    const results = await Promise.all(Array.from({ length: 100 }, () => post(body, headers)));
    expect(results.every((r) => r.status === 202)).toBe(true);
    const ids = new Set(results.map((r) => (r.body as { evidenceId: string }).evidenceId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => (r.body as { duplicate: boolean }).duplicate === false)).toHaveLength(1);
    expect(await db.prisma.evidence.count({ where: { deliveryId: "msg_concurrent" } })).toBe(1);
  });
});
