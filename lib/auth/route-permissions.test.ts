import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute, type Caller } from "../testing/call-route.ts";
import { discoverAppRoutes } from "../testing/discover-app-routes.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { ROUTE_PERMISSIONS, type RouteKey } from "./route-permissions.ts";

describe("the permission table covers the app", () => {
  const discovered = discoverAppRoutes();

  it("lists every route handler method and page that exists, and nothing that does not", () => {
    const tableKeys = Object.keys(ROUTE_PERMISSIONS).sort();
    expect(discovered.map((r) => r.key).sort()).toEqual(tableKeys);
  });

  it("every route handler and page names its own key (so it checks its own access)", () => {
    for (const { key, file } of discovered) {
      const source = readFileSync(file, "utf8");
      const literal = key.replace(/^(GET|POST|PUT|PATCH|DELETE) /, "$1 ");
      expect(source, `${file} should mention "${literal}"`).toContain(`"${literal}"`);
    }
  });

  it("no server actions bypass the table", () => {
    const withActions = discovered.filter(({ file }) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));
    expect(withActions).toEqual([]);
  });
});

type OrgApiKey = Extract<RouteKey, `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/v1/orgs/${string}`>;

interface Probe {
  params: (f: AuthzFixture) => Record<string, string>;
  body?: unknown;
  /** What an allowed caller gets for this harmless probe (validation fails, or the id is unknown). */
  allowed: number;
}

const PROBES: Record<OrgApiKey, Probe> = {
  "GET /api/v1/orgs/[org]/members": { params: () => ({}), allowed: 200 },
  "POST /api/v1/orgs/[org]/members": { params: () => ({}), body: {}, allowed: 422 },
  "PATCH /api/v1/orgs/[org]/members/[memberId]": {
    params: (f) => ({ memberId: f.members.engineer.membershipId }),
    body: { role: "boss" },
    allowed: 422,
  },
  "DELETE /api/v1/orgs/[org]/members/[memberId]": { params: () => ({ memberId: randomUUID() }), allowed: 404 },
  "DELETE /api/v1/orgs/[org]/members/[memberId]/sessions": {
    params: () => ({ memberId: randomUUID() }),
    allowed: 404,
  },
  "GET /api/v1/orgs/[org]/tokens": { params: () => ({}), allowed: 200 },
  "POST /api/v1/orgs/[org]/tokens": { params: () => ({}), body: {}, allowed: 422 },
  "DELETE /api/v1/orgs/[org]/tokens/[tokenId]": { params: () => ({ tokenId: randomUUID() }), allowed: 404 },
  "GET /api/v1/orgs/[org]/systems": { params: () => ({}), allowed: 200 },
  "POST /api/v1/orgs/[org]/systems": { params: () => ({}), body: {}, allowed: 422 },
  "GET /api/v1/orgs/[org]/systems/[systemId]": { params: (f) => ({ systemId: f.systems.acme }), allowed: 200 },
  "PATCH /api/v1/orgs/[org]/systems/[systemId]": {
    params: (f) => ({ systemId: f.systems.acme }),
    body: { name: "" },
    allowed: 422,
  },
  "PUT /api/v1/orgs/[org]/systems/[systemId]/classification": {
    params: (f) => ({ systemId: f.systems.acme }),
    body: {},
    allowed: 422,
  },
  "GET /api/v1/orgs/[org]/systems/[systemId]/obligations": {
    params: (f) => ({ systemId: f.systems.acme }),
    allowed: 200,
  },
  "GET /api/v1/orgs/[org]/integrations": { params: () => ({}), allowed: 200 },
  "POST /api/v1/orgs/[org]/integrations": { params: () => ({}), body: {}, allowed: 422 },
  "GET /api/v1/orgs/[org]/integrations/[integrationId]": {
    params: () => ({ integrationId: randomUUID() }),
    allowed: 404,
  },
  "PATCH /api/v1/orgs/[org]/integrations/[integrationId]": {
    params: () => ({ integrationId: randomUUID() }),
    body: { disabled: "yes" },
    allowed: 422,
  },
  "POST /api/v1/orgs/[org]/integrations/[integrationId]/rotate": {
    params: () => ({ integrationId: randomUUID() }),
    body: { overlapHours: -1 },
    allowed: 422,
  },
  "POST /api/v1/orgs/[org]/integrations/[integrationId]/test-delivery": {
    params: () => ({ integrationId: randomUUID() }),
    allowed: 404,
  },
  "GET /api/v1/orgs/[org]/evidence": { params: () => ({}), allowed: 200 },
  "GET /api/v1/orgs/[org]/evidence/[evidenceId]": { params: () => ({ evidenceId: randomUUID() }), allowed: 404 },
  "GET /api/v1/orgs/[org]/evidence/[evidenceId]/raw": {
    params: () => ({ evidenceId: randomUUID() }),
    allowed: 404,
  },
  "POST /api/v1/orgs/[org]/evidence/[evidenceId]/links": {
    params: () => ({ evidenceId: randomUUID() }),
    body: {},
    allowed: 422,
  },
  "DELETE /api/v1/orgs/[org]/evidence/[evidenceId]/links/[linkId]": {
    params: () => ({ evidenceId: randomUUID(), linkId: randomUUID() }),
    body: {},
    allowed: 422,
  },
  "GET /api/v1/orgs/[org]/readiness": { params: () => ({}), allowed: 200 },
  "GET /api/v1/orgs/[org]/readiness/snapshots": { params: () => ({}), allowed: 200 },
  "GET /api/v1/orgs/[org]/waivers": { params: () => ({}), allowed: 200 },
  "POST /api/v1/orgs/[org]/waivers": { params: () => ({}), body: {}, allowed: 422 },
  "POST /api/v1/orgs/[org]/waivers/[waiverId]/revoke": {
    params: () => ({ waiverId: randomUUID() }),
    body: { reason: "no longer needed" },
    allowed: 404,
  },
  "GET /api/v1/orgs/[org]/reports": { params: () => ({}), allowed: 200 },
  "POST /api/v1/orgs/[org]/reports": { params: () => ({}), body: { systems: ["not-a-uuid"] }, allowed: 422 },
  "GET /api/v1/orgs/[org]/reports/[reportId]": { params: () => ({ reportId: randomUUID() }), allowed: 404 },
  "GET /api/v1/orgs/[org]/reports/[reportId]/pdf": { params: () => ({ reportId: randomUUID() }), allowed: 404 },
  "GET /api/v1/orgs/[org]/reports/[reportId]/pack": { params: () => ({ reportId: randomUUID() }), allowed: 404 },
  "GET /api/v1/orgs/[org]/signing-certificate": { params: () => ({}), allowed: 200 },
  "PUT /api/v1/orgs/[org]/signing-certificate": { params: () => ({}), body: {}, allowed: 422 },
  // The fixture's logs have no signed checkpoint yet (the worker does not run here): not found.
  "GET /api/v1/orgs/[org]/log": { params: () => ({}), allowed: 404 },
  "GET /api/v1/orgs/[org]/log/inclusion": { params: () => ({}), allowed: 422 },
  "GET /api/v1/orgs/[org]/log/consistency": { params: () => ({}), allowed: 422 },
};

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const orgKeys = (Object.keys(ROUTE_PERMISSIONS) as RouteKey[]).filter(
  (k): k is OrgApiKey => !k.startsWith("PAGE ") && ROUTE_PERMISSIONS[k].kind === "org",
);

describe("role matrix generated from the table (API)", () => {
  it("has a probe for every organization route", () => {
    expect(orgKeys.sort()).toEqual(Object.keys(PROBES).sort());
  });

  for (const key of orgKeys) {
    const access = ROUTE_PERMISSIONS[key];
    const [method, template] = key.split(" ") as [string, string];
    const probe = PROBES[key];
    const callers: [string, (f: AuthzFixture) => Caller, "own" | "other" | "anon", string][] = [
      ["anonymous", () => ({}), "anon", ""],
      ...(["admin", "compliance", "ciso", "engineer"] as const).map(
        (role) =>
          [role, (x: AuthzFixture) => ({ cookie: x.sessions[role] }), "own", role] as [
            string,
            (f: AuthzFixture) => Caller,
            "own",
            string,
          ],
      ),
      ["admin of another organization", (x) => ({ cookie: x.sessions.globexAdmin }), "other", ""],
      ...(["read", "evidence:write", "admin"] as const).map(
        (scope) =>
          [`token:${scope}`, (x: AuthzFixture) => ({ bearer: x.tokens[scope] }), "own", `scope:${scope}`] as [
            string,
            (f: AuthzFixture) => Caller,
            "own",
            string,
          ],
      ),
      ["admin token of another organization", (x) => ({ bearer: x.tokens.globexAdmin }), "other", ""],
    ];
    for (const [label, as, where, grant] of callers) {
      const allowed =
        where === "own" &&
        (grant.startsWith("scope:")
          ? (access.scopes as readonly string[]).includes(grant.slice(6))
          : (access.roles as readonly string[]).includes(grant));
      const expected = where === "anon" ? 401 : where === "other" ? 404 : allowed ? probe.allowed : 403;
      it(`${key} as ${label} -> ${expected}`, async () => {
        const org = f.acme.org.slug;
        const res = await callRoute({
          method,
          template,
          params: { org, ...probe.params(f) },
          as: as(f),
          body: probe.body,
        });
        expect(res.status).toBe(expected);
        if (expected >= 400) {
          const body = res.body as { error: { code: string; requestId: string } };
          expect(Object.keys(body)).toEqual(["error"]);
          expect(body.error.requestId).toBeTruthy();
          expect(JSON.stringify(body)).not.toMatch(/acme\.test|Support chatbot|at .*\.ts:\d+/);
        }
      });
    }
  }
});

describe("routes outside organizations", () => {
  it("GET /api/health is public and reports the database", async () => {
    const res = await callRoute({ method: "GET", template: "/api/health", params: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: { kind: "postgres", status: "up" } });
  });

  it("GET /api/v1/me needs a session and lists only the caller's organizations", async () => {
    expect((await callRoute({ method: "GET", template: "/api/v1/me", params: {} })).status).toBe(401);
    expect(
      (await callRoute({ method: "GET", template: "/api/v1/me", params: {}, as: { bearer: f.tokens.admin } })).status,
    ).toBe(401);
    const res = await callRoute({
      method: "GET",
      template: "/api/v1/me",
      params: {},
      as: { cookie: f.sessions.globexAdmin },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { email: "admin@globex.test" },
      organizations: [{ slug: "globex", role: "admin" }],
    });
    expect((res.body as { organizations: unknown[] }).organizations).toHaveLength(1);
  });
});

describe("object-level checks", () => {
  it("another organization's AI system, a random id and a malformed id all give 404 with no data", async () => {
    for (const systemId of [f.systems.globex, randomUUID(), "../../etc/passwd"]) {
      const res = await callRoute({
        method: "GET",
        template: "/api/v1/orgs/[org]/systems/[systemId]",
        params: { org: "acme", systemId },
        as: { cookie: f.sessions.admin },
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
      expect(JSON.stringify(res.body)).not.toContain("Globex bot");
    }
  });

  it("another organization's member cannot be changed through this organization's URL", async () => {
    const res = await callRoute({
      method: "PATCH",
      template: "/api/v1/orgs/[org]/members/[memberId]",
      params: { org: "acme", memberId: f.members.globexAdmin.membershipId },
      as: { cookie: f.sessions.admin },
      body: { role: "engineer" },
    });
    expect(res.status).toBe(404);
    const member = await db.prisma.membership.findUnique({ where: { id: f.members.globexAdmin.membershipId } });
    expect(member?.role).toBe("admin");
  });

  it("cross-site and origin-less state changes with a session cookie are refused", async () => {
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "same-site" },
      {},
    ];
    for (const headers of attempts) {
      const res = await callRoute({
        method: "POST",
        template: "/api/v1/orgs/[org]/systems",
        params: { org: "acme" },
        as: { cookie: f.sessions.admin },
        headers,
        body: { name: "CSRF system", purpose: "x", owner: "y" },
      });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        error: { code: "forbidden", message: expect.stringMatching(/Cross-site/) as unknown },
      });
    }
    const sameOrigin = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/systems",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      headers: { origin: "http://assay.test" },
      body: {},
    });
    expect(sameOrigin.status).toBe(422);
    expect(await db.prisma.aiSystem.count({ where: { name: "CSRF system" } })).toBe(0);
  });
});
