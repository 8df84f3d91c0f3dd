import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute } from "../testing/call-route.ts";
import { FIXTURE_PASSWORD, seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { createSession } from "./create-session.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const put = (cookie: string | undefined, body: unknown, headers?: Record<string, string>) =>
  callRoute({
    method: "PUT",
    template: "/api/v1/me/password",
    params: {},
    body,
    ...(cookie ? { as: { cookie } } : {}),
    ...(headers ? { headers: { "content-type": "application/json", ...headers } } : {}),
  });
const me = (cookie: string) => callRoute({ method: "GET", template: "/api/v1/me", params: {}, as: { cookie } });

describe("PUT /api/v1/me/password", () => {
  it("refuses the anonymous, cross-site requests and a wrong current password, changing nothing", async () => {
    expect((await put(undefined, { currentPassword: "x", newPassword: "y" })).status).toBe(401);
    const cross = await put(
      f.sessions.ciso,
      { currentPassword: FIXTURE_PASSWORD, newPassword: "a-new-long-passphrase" },
      {
        "sec-fetch-site": "cross-site",
      },
    );
    expect(cross.status).toBe(403);
    const wrong = await put(f.sessions.ciso, { currentPassword: "not it", newPassword: "a-new-long-passphrase" });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toMatch(/currentPassword/);
    expect((await me(f.sessions.ciso)).status).toBe(200);
  });

  it("changes the password, ends every session of the person and hands the caller a new one", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "ciso@acme.test" } });
    const other = (await createSession(db.prisma, user.id, { ASSAY_SESSION_MAX_HOURS: 12 })).token;
    const res = await put(f.sessions.ciso, { currentPassword: FIXTURE_PASSWORD, newPassword: "a-new-long-passphrase" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revokedSessions: 2 });
    const cookie = /next-auth\.session-token=([^;]+)/.exec(res.response.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect(cookie).not.toBe("");
    expect((await me(f.sessions.ciso)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect((await me(cookie)).status).toBe(200);
    const audit = await db.prisma.auditEntry.findFirst({
      where: { action: "auth.password_change", targetId: user.id },
    });
    expect(audit?.data).toEqual({ revokedSessions: 2 });
  });
});
