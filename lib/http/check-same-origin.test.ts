import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../auth/hash-secret.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { AppError } from "../errors/app-error.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { callRoute, type CallOptions } from "../testing/call-route.ts";
import { FIXTURE_PASSWORD, seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { TEST_APP_URL, useAppDatabase } from "../testing/use-app-database.ts";
import { checkSameOrigin } from "./check-same-origin.ts";

const APP = "https://assay.example";
const request = (method: string, headers: Record<string, string>) =>
  new Request(`${APP}/api/v1/anything`, { method, headers });

function refusal(fn: () => void): AppError | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error : null;
  }
}

describe("checkSameOrigin", () => {
  it("lets same-origin writes through: Sec-Fetch-Site: same-origin, or an Origin equal to the app's", () => {
    const allowed: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "same-origin", origin: APP },
      { origin: APP },
    ];
    for (const headers of allowed) {
      expect(
        refusal(() => checkSameOrigin(request("POST", headers), APP)),
        JSON.stringify(headers),
      ).toBeNull();
    }
  });

  it("refuses cross-site, same-site, origin-less and header-less writes with 403 forbidden", () => {
    const attempts: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "none" },
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://assay.example" },
      { origin: "https://assay.example.evil.example" },
      // A browser's Sec-Fetch-Site is the truth: a matching Origin does not overrule cross-site.
      { "sec-fetch-site": "cross-site", origin: APP },
      {},
    ];
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const headers of attempts) {
        const error = refusal(() => checkSameOrigin(request(method, headers), APP));
        expect(error?.code, `${method} ${JSON.stringify(headers)}`).toBe("forbidden");
        expect(error?.message).toMatch(/^Cross-site request refused/);
      }
    }
  });

  it("does not apply to safe methods", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(refusal(() => checkSameOrigin(request(method, { "sec-fetch-site": "cross-site" }), APP))).toBeNull();
    }
  });
});

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const CROSS_SITE: [string, Record<string, string>][] = [
  ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ["Origin: https://evil.example", { origin: "https://evil.example" }],
  ["both cross-site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
  ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
  ["no Origin and no Sec-Fetch-Site", {}],
];
const SAME_ORIGIN: [string, Record<string, string>][] = [
  ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin" }],
  ["Origin equal to ASSAY_URL", { origin: TEST_APP_URL }],
];

/** Every cookie-authenticated write path that does not go through handleOrgRoute, and some that do. */
interface Write extends Omit<CallOptions, "headers" | "params"> {
  label: string;
  params: (fixture: AuthzFixture) => Record<string, string>;
  /** What the handler answers once the request is let through (the probes are harmless). */
  sameOriginStatus: number;
}

const WRITES: Write[] = [
  {
    label: "POST /api/v1/orgs/[org]/systems (handleOrgRoute)",
    method: "POST",
    template: "/api/v1/orgs/[org]/systems",
    params: () => ({ org: "acme" }),
    body: { name: "", purpose: "x", owner: "y" },
    sameOriginStatus: 422,
  },
  {
    label: "PATCH /api/v1/orgs/[org]/members/[memberId]",
    method: "PATCH",
    template: "/api/v1/orgs/[org]/members/[memberId]",
    params: (x) => ({ org: "acme", memberId: x.members.engineer.membershipId }),
    body: { role: "boss" },
    sameOriginStatus: 422,
  },
  {
    label: "DELETE /api/v1/orgs/[org]/tokens/[tokenId]",
    method: "DELETE",
    template: "/api/v1/orgs/[org]/tokens/[tokenId]",
    params: () => ({ org: "acme", tokenId: randomUUID() }),
    sameOriginStatus: 404,
  },
  {
    label: "DELETE /api/v1/orgs/[org]/members/[memberId]/sessions",
    method: "DELETE",
    template: "/api/v1/orgs/[org]/members/[memberId]/sessions",
    params: () => ({ org: "acme", memberId: randomUUID() }),
    sameOriginStatus: 404,
  },
  {
    label: "POST /api/v1/session (sign-in: login CSRF)",
    method: "POST",
    template: "/api/v1/session",
    params: () => ({}),
    body: { email: "ciso@acme.test", password: "not-the-password" },
    sameOriginStatus: 401,
  },
];

/** A write as the acme admin's browser would send it, with exactly these fetch headers. */
const send = (write: Write, headers: Record<string, string>) =>
  callRoute({
    method: write.method,
    template: write.template,
    params: write.params(f),
    as: { cookie: f.sessions.admin },
    body: write.body,
    headers: { ...headers, ...(write.body === undefined ? {} : { "content-type": "application/json" }) },
  });

describe("state-changing requests with a session cookie", () => {
  for (const write of WRITES) {
    for (const [label, headers] of CROSS_SITE) {
      it(`${write.label} with ${label} -> 403 forbidden`, async () => {
        const res = await send(write, headers);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          error: { code: "forbidden", message: expect.stringMatching(/^Cross-site request refused/) as unknown },
        });
        expect(res.response.headers.get("set-cookie")).toBeNull();
      });
    }
    for (const [label, headers] of SAME_ORIGIN) {
      it(`${write.label} with ${label} reaches the handler -> ${write.sameOriginStatus}`, async () => {
        expect((await send(write, headers)).status).toBe(write.sameOriginStatus);
      });
    }
  }

  it("a refused cross-site write changes nothing: no system, no role change, the session survives sign-out", async () => {
    const create = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/systems",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      headers: { "content-type": "application/json" },
      body: { name: "CSRF system", purpose: "x", owner: "y" },
    });
    expect(create.status).toBe(403);
    expect(await db.prisma.aiSystem.count({ where: { name: "CSRF system" } })).toBe(0);

    const promote = await callRoute({
      method: "PATCH",
      template: "/api/v1/orgs/[org]/members/[memberId]",
      params: { org: "acme", memberId: f.members.engineer.membershipId },
      as: { cookie: f.sessions.admin },
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: { role: "admin" },
    });
    expect(promote.status).toBe(403);
    const member = await db.prisma.membership.findUniqueOrThrow({ where: { id: f.members.engineer.membershipId } });
    expect(member.role).toBe("engineer");

    const out = await callRoute({
      method: "DELETE",
      template: "/api/v1/session",
      params: {},
      as: { cookie: f.sessions.ciso },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(out.status).toBe(403);
    expect(await db.prisma.session.count({ where: { sessionToken: hashSecret(f.sessions.ciso) } })).toBe(1);
  });

  it("a cross-site sign-in attempt with the right password opens no session (login CSRF)", async () => {
    const before = await db.prisma.session.count();
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/session",
      params: {},
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: { email: "ciso@acme.test", password: FIXTURE_PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(res.response.headers.get("set-cookie")).toBeNull();
    expect(await db.prisma.session.count()).toBe(before);
  });
});

describe("requests that are not cookie-authenticated are not subject to the origin check", () => {
  it("an API token without Origin or Sec-Fetch-Site may write", async () => {
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/systems",
      params: { org: "acme" },
      as: { bearer: f.tokens.admin },
      headers: { "content-type": "application/json" },
      body: { name: "Created by CI", purpose: "x", owner: "y" },
    });
    expect(res.status).toBe(201);
    const revoke = await callRoute({
      method: "DELETE",
      template: "/api/v1/orgs/[org]/tokens/[tokenId]",
      params: { org: "acme", tokenId: randomUUID() },
      as: { bearer: f.tokens.admin },
      headers: {},
    });
    expect(revoke.status).toBe(404);
  });

  it("a signed webhook delivery without Origin or Sec-Fetch-Site is accepted", async () => {
    const created = await createIntegration(db.prisma, f.acme, { source: "standard-webhooks", name: "csrf-free" });
    const finding = { check: "signature", outcome: "pass", title: "signed", subject: { kind: "model", name: "m" } };
    const body = JSON.stringify({
      type: "assay.finding",
      timestamp: "2026-11-24T10:00:00Z",
      data: { findings: [finding] },
    });
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: created.id },
      body,
      headers: signStandardWebhook(created.secret ?? "", body),
    });
    expect(res.status).toBe(202);
  });

  it("a bearer request that also carries a session cookie is judged by its token, not the cookie", async () => {
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/systems",
      params: { org: "acme" },
      as: { bearer: f.tokens.read, cookie: f.sessions.admin },
      headers: { "content-type": "application/json" },
      body: { name: "Token decides", purpose: "x", owner: "y" },
    });
    // The read-scoped token may not create systems, even though the admin's cookie rides along.
    expect(res.status).toBe(403);
    expect((res.body as { error: { message: string } }).error.message).not.toMatch(/Cross-site/);
  });
});
