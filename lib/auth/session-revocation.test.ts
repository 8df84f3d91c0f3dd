import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute } from "../testing/call-route.ts";
import { FIXTURE_PASSWORD, seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { TEST_APP_URL, useAppDatabase } from "../testing/use-app-database.ts";
import type { UserActor } from "./actor.ts";
import { changePassword } from "./change-password.ts";
import { createSession } from "./create-session.ts";
import { endSessionBeforeSsoCallback } from "./end-session-before-sso-callback.ts";
import { hashSecret } from "./hash-secret.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const config = { ASSAY_SESSION_MAX_HOURS: 12 };
const works = async (cookie: string) =>
  (await callRoute({ method: "GET", template: "/api/v1/me", params: {}, as: { cookie } })).status === 200;
const signIn = (email: string, password: string, cookie?: string) =>
  callRoute({
    method: "POST",
    template: "/api/v1/session",
    params: {},
    ...(cookie ? { as: { cookie } } : {}),
    body: { email, password },
  });
function cookieFrom(res: Response): string {
  return /next-auth\.session-token=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
}
const userActor = (f2: AuthzFixture, role: "engineer" | "compliance"): UserActor => ({
  kind: "user",
  userId: f2.members[role].userId,
  sessionId: "",
  email: `${role}@acme.test`,
  name: null,
});

describe("rotation at sign-in", () => {
  it("every sign-in gets a new session id, and a cookie value from before sign-in never becomes valid", async () => {
    const planted = "attacker-chosen-session-value";
    const first = await signIn("ciso@acme.test", FIXTURE_PASSWORD, planted);
    expect(first.status).toBe(200);
    const cookie1 = cookieFrom(first.response);
    expect(cookie1).not.toBe(planted);
    expect(cookie1).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await works(planted)).toBe(false);
    expect(await db.prisma.session.count({ where: { sessionToken: hashSecret(planted) } })).toBe(0);

    const second = await signIn("ciso@acme.test", FIXTURE_PASSWORD, cookie1);
    const cookie2 = cookieFrom(second.response);
    expect(cookie2).not.toBe(cookie1);
    expect(await works(cookie1)).toBe(false);
    expect(await works(cookie2)).toBe(true);
  });

  it("the session cookie is set HttpOnly, SameSite=Lax, Path=/ (no Secure over http) and cleared at sign-out", async () => {
    const res = await signIn("ciso@acme.test", FIXTURE_PASSWORD);
    const setCookie = res.response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^next-auth\.session-token=[A-Za-z0-9_-]{43}; /);
    const attributes = setCookie.split("; ").slice(1);
    expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
    expect(attributes.some((a) => /^(Secure|Domain=)/i.test(a))).toBe(false);
    const out = await callRoute({
      method: "DELETE",
      template: "/api/v1/session",
      params: {},
      as: { cookie: cookieFrom(res.response) },
    });
    expect(out.response.headers.get("set-cookie")).toMatch(
      /^next-auth\.session-token=; Path=\/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970/,
    );
  });

  it("an SSO callback started in this browser ends the session it presents; a forced callback does not", async () => {
    const mine = await createSession(db.prisma, f.members.ciso.userId, config);
    const callback = (cookies: string) =>
      new Request(`${TEST_APP_URL}/api/auth/callback/oidc?code=x&state=y`, { headers: { cookie: cookies } });
    const base = `next-auth.session-token=${mine.token}`;
    expect(await endSessionBeforeSsoCallback(db.prisma, callback(base), TEST_APP_URL)).toBe(false);
    expect(await works(mine.token)).toBe(true);
    const started = `${base}; next-auth.pkce.code_verifier=abc; next-auth.state=def`;
    expect(await endSessionBeforeSsoCallback(db.prisma, callback(started), TEST_APP_URL)).toBe(true);
    expect(await works(mine.token)).toBe(false);
  });
});

describe("revocation of all of a person's sessions", () => {
  it("a password change ends every session of that person and opens one new session", async () => {
    const laptop = await createSession(db.prisma, f.members.engineer.userId, config);
    const phone = await createSession(db.prisma, f.members.engineer.userId, config);
    expect(await works(laptop.token)).toBe(true);
    const changed = await changePassword(
      db.prisma,
      userActor(f, "engineer"),
      { currentPassword: FIXTURE_PASSWORD, newPassword: "a-brand-new-passphrase" },
      config,
    );
    expect(changed.revokedSessions).toBeGreaterThanOrEqual(3);
    for (const token of [laptop.token, phone.token, f.sessions.engineer]) expect(await works(token)).toBe(false);
    expect(await works(changed.token)).toBe(true);
    expect(await works(f.sessions.admin)).toBe(true);
    expect((await signIn("engineer@acme.test", FIXTURE_PASSWORD)).status).toBe(401);
    expect((await signIn("engineer@acme.test", "a-brand-new-passphrase")).status).toBe(200);
    const audit = await db.prisma.auditEntry.findFirst({
      where: { action: "auth.password_change", targetId: f.members.engineer.userId },
    });
    expect(audit?.data).toMatchObject({ revokedSessions: changed.revokedSessions });
  });

  it("a wrong current password or a weak new one changes nothing", async () => {
    const session = await createSession(db.prisma, f.members.compliance.userId, config);
    const attempt = (input: unknown) => changePassword(db.prisma, userActor(f, "compliance"), input, config);
    await expect(attempt({ currentPassword: "wrong", newPassword: "a-brand-new-passphrase" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "currentPassword" }],
    });
    await expect(attempt({ currentPassword: FIXTURE_PASSWORD, newPassword: "short" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "newPassword" }],
    });
    expect(await works(session.token)).toBe(true);
    expect((await signIn("compliance@acme.test", FIXTURE_PASSWORD)).status).toBe(200);
  });

  it("an admin signs a member out everywhere; the member's other organization sees it too", async () => {
    const second = await createSession(db.prisma, f.members.ciso.userId, config);
    const res = await callRoute({
      method: "DELETE",
      template: "/api/v1/orgs/[org]/members/[memberId]/sessions",
      params: { org: "acme", memberId: f.members.ciso.membershipId },
      as: { cookie: f.sessions.admin },
    });
    expect(res.status).toBe(200);
    expect((res.body as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
    expect(await works(second.token)).toBe(false);
    expect(await db.prisma.session.count({ where: { userId: f.members.ciso.userId } })).toBe(0);
    expect(await works(f.sessions.admin)).toBe(true);
    const audit = await db.prisma.auditEntry.findFirst({
      where: { action: "member.sessions_revoke", targetId: f.members.ciso.membershipId },
    });
    expect(audit?.data).toMatchObject({ userId: f.members.ciso.userId });
  });

  it("an admin cannot reach another organization's member (404), and nobody's sessions change", async () => {
    const res = await callRoute({
      method: "DELETE",
      template: "/api/v1/orgs/[org]/members/[memberId]/sessions",
      params: { org: "acme", memberId: f.members.globexAdmin.membershipId },
      as: { cookie: f.sessions.admin },
    });
    expect(res.status).toBe(404);
    expect(await works(f.sessions.globexAdmin)).toBe(true);
  });

  it("removing a member ends their sessions", async () => {
    const member = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/members",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { email: "leaver@acme.test", role: "ciso", password: FIXTURE_PASSWORD },
    });
    const { membershipId } = member.body as { membershipId: string };
    const cookie = cookieFrom((await signIn("leaver@acme.test", FIXTURE_PASSWORD)).response);
    expect(await works(cookie)).toBe(true);
    const removed = await callRoute({
      method: "DELETE",
      template: "/api/v1/orgs/[org]/members/[memberId]",
      params: { org: "acme", memberId: membershipId },
      as: { cookie: f.sessions.admin },
    });
    expect(removed.status).toBe(204);
    expect(await works(cookie)).toBe(false);
  });
});
