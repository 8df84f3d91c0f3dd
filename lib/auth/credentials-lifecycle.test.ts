import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute } from "../testing/call-route.ts";
import { FIXTURE_PASSWORD, seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { hashSecret } from "./hash-secret.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const listSystems = (as: { cookie?: string; bearer?: string }) =>
  callRoute({ method: "GET", template: "/api/v1/orgs/[org]/systems", params: { org: "acme" }, as });

function cookieFrom(res: Response): string {
  const match = /next-auth\.session-token=([^;]*)/.exec(res.headers.get("set-cookie") ?? "");
  return match?.[1] ?? "";
}

describe("API tokens", () => {
  it("are shown once, stored only as a hash, record their last use, and stop working the moment they are revoked", async () => {
    const created = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/tokens",
      params: { org: "acme" },
      as: { cookie: f.sessions.engineer },
      body: { name: "ci", scopes: ["read"] },
    });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastUsedAt).toBeNull();

    const listed = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/tokens",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
    });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    expect((await listSystems({ bearer: token })).status).toBe(200);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    const revoked = await callRoute({
      method: "DELETE",
      template: "/api/v1/orgs/[org]/tokens/[tokenId]",
      params: { org: "acme", tokenId: id },
      as: { cookie: f.sessions.engineer },
    });
    expect(revoked.status).toBe(204);
    const after = await listSystems({ bearer: token });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("an engineer cannot issue an admin-scoped token, nor revoke someone else's", async () => {
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/tokens",
      params: { org: "acme" },
      as: { cookie: f.sessions.engineer },
      body: { name: "x", scopes: ["admin"] },
    });
    expect(res.status).toBe(403);
    const adminToken = await db.prisma.apiToken.findFirstOrThrow({ where: { orgId: f.acme.org.id, name: "admin" } });
    const revoke = await callRoute({
      method: "DELETE",
      template: "/api/v1/orgs/[org]/tokens/[tokenId]",
      params: { org: "acme", tokenId: adminToken.id },
      as: { cookie: f.sessions.engineer },
    });
    expect(revoke.status).toBe(403);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: adminToken.id } })).revokedAt).toBeNull();
  });

  it("an expired token is refused", async () => {
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/tokens",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { name: "short", scopes: ["read"], expiresInDays: 1 },
    });
    const { id, token } = res.body as { id: string; token: string };
    await db.prisma.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await listSystems({ bearer: token })).status).toBe(401);
  });
});

describe("sessions", () => {
  it("password sign-in rotates the session, sets an HttpOnly cookie, and sign-out ends it", async () => {
    const wrong = await callRoute({
      method: "POST",
      template: "/api/v1/session",
      params: {},
      body: { email: "ciso@acme.test", password: "not-the-password" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.response.headers.get("set-cookie")).toBeNull();

    const first = await callRoute({
      method: "POST",
      template: "/api/v1/session",
      params: {},
      body: { email: "CISO@acme.test", password: FIXTURE_PASSWORD },
    });
    expect(first.status).toBe(200);
    expect(first.response.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
    const cookie1 = cookieFrom(first.response);
    expect((await listSystems({ cookie: cookie1 })).status).toBe(200);

    const second = await callRoute({
      method: "POST",
      template: "/api/v1/session",
      params: {},
      as: { cookie: cookie1 },
      body: { email: "ciso@acme.test", password: FIXTURE_PASSWORD },
    });
    const cookie2 = cookieFrom(second.response);
    expect(cookie2).not.toBe(cookie1);
    expect((await listSystems({ cookie: cookie1 })).status).toBe(401);
    expect((await listSystems({ cookie: cookie2 })).status).toBe(200);

    const out = await callRoute({ method: "DELETE", template: "/api/v1/session", params: {}, as: { cookie: cookie2 } });
    expect(out.status).toBe(204);
    expect((await listSystems({ cookie: cookie2 })).status).toBe(401);
  });

  it("a session deleted in the database stops working on the very next request", async () => {
    expect((await listSystems({ cookie: f.sessions.compliance })).status).toBe(200);
    await db.prisma.session.deleteMany({ where: { sessionToken: hashSecret(f.sessions.compliance) } });
    expect((await listSystems({ cookie: f.sessions.compliance })).status).toBe(401);
  });

  it("a role change revokes the member's sessions", async () => {
    const res = await callRoute({
      method: "PATCH",
      template: "/api/v1/orgs/[org]/members/[memberId]",
      params: { org: "acme", memberId: f.members.ciso.membershipId },
      as: { cookie: f.sessions.admin },
      body: { role: "engineer" },
    });
    expect(res.status).toBe(200);
    expect((await listSystems({ cookie: f.sessions.ciso })).status).toBe(401);
    const audit = await db.prisma.auditEntry.findFirst({
      where: { action: "member.role_change", targetId: f.members.ciso.membershipId },
    });
    expect(audit?.data).toEqual({ from: "ciso", to: "engineer" });
  });

  it("an idle session expires", async () => {
    const res = await callRoute({
      method: "POST",
      template: "/api/v1/session",
      params: {},
      body: { email: "admin@acme.test", password: FIXTURE_PASSWORD },
    });
    const cookie = cookieFrom(res.response);
    await db.prisma.session.updateMany({
      where: { sessionToken: hashSecret(cookie) },
      data: { lastSeenAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    expect((await listSystems({ cookie })).status).toBe(401);
    expect(await db.prisma.session.count({ where: { sessionToken: hashSecret(cookie) } })).toBe(0);
  });
});

describe("bad input writes nothing and names the field", () => {
  const addMember = (body: unknown, headers?: Record<string, string>) =>
    callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/members",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body,
      ...(headers ? { headers } : {}),
    });

  it("unknown fields, bad values, malformed JSON, wrong type and oversize bodies", async () => {
    const before = await db.prisma.user.count();
    const unknown = await addMember({ email: "x@acme.test", role: "ciso", isSuperuser: true });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      error: { code: "validation_failed", issues: [{ field: "isSuperuser", message: "unknown field" }] },
    });

    const bad = await addMember({ email: "not-an-email", role: "owner", password: "short" });
    expect(bad.status).toBe(422);
    const fields = (bad.body as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(["email", "password", "role"]);

    const malformed = await addMember('{"email": ', {
      "content-type": "application/json",
      "sec-fetch-site": "same-origin",
    });
    expect(malformed.status).toBe(400);
    const wrongType = await addMember("email=x", {
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
    });
    expect(wrongType.status).toBe(415);
    const huge = await addMember({ email: "big@acme.test", role: "ciso", name: "x".repeat(1_100_000) });
    expect(huge.status).toBe(413);

    expect(await db.prisma.user.count()).toBe(before);
  });
});
