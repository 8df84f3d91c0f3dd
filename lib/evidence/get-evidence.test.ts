import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { seedTestEvidence } from "../testing/seed-test-evidence.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { getEvidence, type EvidenceDetail } from "./get-evidence.ts";
import { PREVIEW_BYTES } from "./read-body-preview.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const get = (
  template: string,
  evidenceId: string,
  as: { cookie?: string; bearer?: string } = { cookie: f.sessions.ciso },
) => callRoute({ method: "GET", template, params: { org: "acme", evidenceId }, as });

describe("one piece of evidence", () => {
  it("shows its verified origin, headers, findings and a preview of the body", async () => {
    const integration = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks", name: "hooks" });
    const body = JSON.stringify({ type: "assay.finding", data: { note: "<script>alert(1)</script>" } });
    const id = await seedTestEvidence(db.prisma, {
      orgId: f.acme.org.id,
      receivedAt: new Date("2026-11-24T10:00:00Z"),
      integrationId: integration.id,
      systemId: f.systems.acme,
      body,
      findings: ["pass"],
    });
    const res = await get("/api/v1/orgs/[org]/evidence/[evidenceId]", id);
    expect(res.status).toBe(200);
    const d = res.body as EvidenceDetail;
    expect(d).toMatchObject({
      id,
      integration: { id: integration.id, name: "hooks" },
      system: { id: f.systems.acme, name: "Support chatbot" },
      sizeBytes: Buffer.byteLength(body),
      headers: { "webhook-id": id },
      findingsTotal: 1,
      findings: [{ key: "f0", outcome: "pass", subject: { kind: "model", name: "fraud-model" } }],
      body: { text: body, truncated: false },
    });
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("previews only the first 256 KiB of a large body, without a broken character at the cut", async () => {
    const big = `${"a".repeat(PREVIEW_BYTES - 1)}é${"b".repeat(1000)}`;
    const id = await seedTestEvidence(db.prisma, { orgId: f.acme.org.id, receivedAt: new Date(), body: big });
    const d = await getEvidence(db.prisma, f.acme, id);
    expect(d.body.truncated).toBe(true);
    expect(d.body.text).toBe("a".repeat(PREVIEW_BYTES - 1));
    const binary = await seedTestEvidence(db.prisma, {
      orgId: f.acme.org.id,
      receivedAt: new Date(),
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x01]),
      contentType: "application/octet-stream",
    });
    expect((await getEvidence(db.prisma, f.acme, binary)).body).toEqual({ text: null, truncated: false });
  });

  it("downloads the exact bytes as an attachment that is never sniffed", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0x0a, 0xc3, 0xa9]);
    const id = await seedTestEvidence(db.prisma, {
      orgId: f.acme.org.id,
      receivedAt: new Date(),
      body: bytes,
      contentType: "application/sarif+json; charset=utf-8",
    });
    const res = await get("/api/v1/orgs/[org]/evidence/[evidenceId]/raw", id, { bearer: f.tokens.read });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.response.arrayBuffer())).toEqual(bytes);
    expect(res.response.headers.get("content-type")).toBe("application/sarif+json; charset=utf-8");
    expect(res.response.headers.get("content-disposition")).toBe(`attachment; filename="evidence-${id}.sarif"`);
    expect(res.response.headers.get("x-content-type-options")).toBe("nosniff");

    const html = await seedTestEvidence(db.prisma, {
      orgId: f.acme.org.id,
      receivedAt: new Date(),
      body: "<html></html>",
      contentType: 'text/html"\r\nx-evil: 1',
    });
    const served = await get("/api/v1/orgs/[org]/evidence/[evidenceId]/raw", html);
    expect(served.response.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.response.headers.get("content-disposition")).toBe(`attachment; filename="evidence-${html}.bin"`);
  });

  it("answers 404 for another organization's evidence, a random id and a malformed one, with no data", async () => {
    const globex = await seedTestEvidence(db.prisma, {
      orgId: f.globex.org.id,
      receivedAt: new Date(),
      body: '{"secret":"globex-only"}',
    });
    for (const id of [globex, randomUUID(), "../../etc/passwd"]) {
      for (const template of [
        "/api/v1/orgs/[org]/evidence/[evidenceId]",
        "/api/v1/orgs/[org]/evidence/[evidenceId]/raw",
      ]) {
        const res = await get(template, id, { cookie: f.sessions.admin });
        expect(res.status, `${template} ${id}`).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain("globex-only");
      }
    }
    // Globex's admin sees it through globex's own URL.
    const own = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/evidence/[evidenceId]",
      params: { org: "globex", evidenceId: globex },
      as: { cookie: f.sessions.globexAdmin },
    });
    expect(own.status).toBe(200);
  });
});
