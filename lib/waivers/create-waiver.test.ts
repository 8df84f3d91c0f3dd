import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "../auth/actor.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { AppError } from "../errors/app-error.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { createWaiver } from "./create-waiver.ts";
import { listWaivers } from "./list-waivers.ts";
import { revokeWaiver } from "./revoke-waiver.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let asCompliance: OrgContext;
const REQ = "zero-trust-ai:applications.security-testing.red-team-ci";
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const valid = () => ({
  requirementId: REQ,
  reason: "Fix ships with the next release.",
  compensatingControl: "Output filter in the gateway.",
  approver: "admin@acme.test",
  expiresAt: inDays(10),
});

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  asCompliance = {
    ...f.acme,
    role: "compliance",
    actor: {
      kind: "user",
      userId: f.members.compliance.userId,
      sessionId: "s",
      email: "compliance@acme.test",
      name: null,
    },
  };
});
afterAll(async () => cleanup());

async function issuesOf(input: object): Promise<string[]> {
  try {
    await createWaiver(db.prisma, asCompliance, { ...valid(), ...input });
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed")
      return error.issues.map((i) => `${i.field}: ${i.message}`);
    throw error;
  }
  return [];
}

describe("waivers", () => {
  it("records a waiver with its approver and an audit entry, and lists it as active", async () => {
    const w = await createWaiver(db.prisma, asCompliance, { ...valid(), systemId: f.systems.acme });
    expect(w).toMatchObject({
      state: "active",
      approver: "admin@acme.test",
      recordedBy: "compliance@acme.test",
      systemId: f.systems.acme,
    });
    expect(w.requirementRef).toMatch(/\S/);
    const audit = await db.prisma.auditEntry.findFirst({ where: { action: "waiver.create", targetId: w.id } });
    expect(audit?.data).toMatchObject({ requirementId: REQ, approver: "admin@acme.test" });
    expect((await listWaivers(db.prisma, f.acme)).map((x) => x.id)).toContain(w.id);
    // It asked for a recomputation; with no worker running, further requests coalesce into that one job.
    await createWaiver(db.prisma, asCompliance, valid());
    const waiting = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job
       WHERE name = 'readiness.recompute' AND singleton_key = ${f.acme.org.id} AND state = 'created'`;
    expect(waiting[0]?.n).toBe(1);
  });

  it("refuses an approver who is the recorder, not compliance or admin, or not a member; and names every bad field", async () => {
    expect(await issuesOf({ approver: "compliance@acme.test" })).toEqual([
      "approver: must be another person than the one recording the waiver",
    ]);
    expect(await issuesOf({ approver: "engineer@acme.test" })).toEqual([
      "approver: must be a member of this organization with the compliance or admin role",
    ]);
    expect(await issuesOf({ approver: "admin@globex.test" })).toEqual([
      "approver: must be a member of this organization with the compliance or admin role",
    ]);
    expect(await issuesOf({ requirementId: "zero-trust-ai:identity" })).toEqual([
      "requirementId: is a group, not an assessable requirement",
    ]);
    expect(await issuesOf({ systemId: f.systems.globex })).toEqual([
      "systemId: is not an AI system of this organization",
    ]);
    expect(await issuesOf({ expiresAt: "2020-01-01" })).toEqual(["expiresAt: must be in the future"]);
    expect(await issuesOf({ expiresAt: inDays(400) })).toEqual([
      "expiresAt: must be within 366 days: review the exception at least yearly",
    ]);
    const many = await issuesOf({ reason: "short", compensatingControl: "", expiresAt: "soon", extra: 1 });
    expect(many.map((m) => m.split(":")[0])).toEqual(
      expect.arrayContaining(["reason", "compensatingControl", "expiresAt", "extra"]),
    );
    expect(await db.prisma.waiver.count({ where: { reason: "short" } })).toBe(0);
  });

  it("only admin and compliance may record one over the API; revoking ends it and is audited", async () => {
    const denied = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/waivers",
      params: { org: "acme" },
      body: valid(),
      as: { cookie: f.sessions.engineer },
    });
    expect(denied.status).toBe(403);
    const created = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/waivers",
      params: { org: "acme" },
      body: valid(),
      as: { cookie: f.sessions.compliance },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await revokeWaiver(db.prisma, asCompliance, id, { reason: "fixed early" });
    const listed = (await listWaivers(db.prisma, f.acme)).find((w) => w.id === id);
    expect(listed?.state).toBe("revoked");
    await expect(revokeWaiver(db.prisma, asCompliance, id, { reason: "again" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.prisma.auditEntry.count({ where: { action: "waiver.revoke", targetId: id } })).toBe(1);
  });
});
