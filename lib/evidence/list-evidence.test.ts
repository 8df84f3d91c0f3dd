import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { seedTestEvidence } from "../testing/seed-test-evidence.ts";
import { TEST_APP_URL, useAppDatabase } from "../testing/use-app-database.ts";
import { listEvidence, type EvidenceListItem } from "./list-evidence.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let integrationId: string;
const ids: Record<string, string> = {};
/** Every acme evidence id, newest first by (receivedAt, id): what paging must return in order. */
let expectedOrder: string[] = [];

const RED_TEAM = "zero-trust-ai:applications.security-testing.red-team-ci";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute));

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  integrationId = (await createIntegration(db.prisma, f.acme, { source: "garak", name: "garak" })).id;
  const acme = f.acme.org.id;
  // 23 rows in 6 distinct instants: pages must break ties on id without skipping or repeating.
  for (let i = 0; i < 20; i++) {
    ids[`bulk${i}`] = await seedTestEvidence(db.prisma, { orgId: acme, receivedAt: at(i % 5), findings: ["info"] });
  }
  ids.pass = await seedTestEvidence(db.prisma, {
    orgId: acme,
    receivedAt: new Date("2026-11-22T08:00:00Z"),
    source: "garak",
    integrationId,
    systemId: f.systems.acme,
    findings: ["pass"],
    links: [RED_TEAM],
  });
  // Failing, but the worker has not written its findings yet: the stored result says so.
  ids.failingUnmapped = await seedTestEvidence(db.prisma, {
    orgId: acme,
    receivedAt: new Date("2026-11-23T08:00:00Z"),
    failing: 2,
  });
  ids.unlinked = await seedTestEvidence(db.prisma, {
    orgId: acme,
    receivedAt: new Date("2026-11-21T08:00:00Z"),
    findings: ["fail"],
    links: [RED_TEAM],
  });
  await db.prisma.controlLink.updateMany({ where: { evidenceId: ids.unlinked }, data: { removedAt: new Date() } });
  ids.globex = await seedTestEvidence(db.prisma, {
    orgId: f.globex.org.id,
    receivedAt: new Date("2026-11-22T09:00:00Z"),
    systemId: f.systems.globex,
    findings: ["pass"],
    links: [RED_TEAM],
  });
  const rows = await db.prisma.evidence.findMany({
    where: { orgId: acme },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  expectedOrder = rows.map((r) => r.id);
});
afterAll(async () => cleanup());

async function pageThrough(query: Record<string, string | number>): Promise<EvidenceListItem[]> {
  const seen: EvidenceListItem[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listEvidence(db.prisma, f.acme, { ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...page.evidence);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("paging did not end");
}

/** GET …/evidence with a query string, as a person with a session (callRoute has no query strings). */
async function getList(query: string, cookie = f.sessions.ciso) {
  const { GET } = await import("../../app/api/v1/orgs/[org]/evidence/route.ts");
  const res = await GET(
    new Request(`${TEST_APP_URL}/api/v1/orgs/acme/evidence?${query}`, {
      headers: { cookie: `next-auth.session-token=${cookie}` },
    }),
    { params: Promise.resolve({ org: "acme" }) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("listing evidence", () => {
  it("pages on (receivedAt desc, id desc) with an opaque cursor: no duplicates, no skips, even across ties", async () => {
    for (const limit of [1, 3, 7, 50]) {
      const seen = await pageThrough({ limit });
      expect(seen.map((e) => e.id)).toEqual(expectedOrder);
    }
    const first = await listEvidence(db.prisma, f.acme, {});
    expect(first.evidence).toHaveLength(23);
    expect(first.nextCursor).toBeNull();
    const small = await listEvidence(db.prisma, f.acme, { limit: "5" });
    expect(small.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    // Evidence arriving between pages does not shift the next page.
    await seedTestEvidence(db.prisma, { orgId: f.acme.org.id, receivedAt: new Date("2026-11-30T00:00:00Z") });
    const next = await listEvidence(db.prisma, f.acme, { limit: "5", cursor: small.nextCursor ?? "" });
    expect(next.evidence.map((e) => e.id)).toEqual(expectedOrder.slice(5, 10));
  });

  it("never reads or returns the raw body", async () => {
    const page = await listEvidence(db.prisma, f.acme, { limit: 200 });
    const text = JSON.stringify(page);
    expect(text).not.toContain("BODY-");
    for (const item of page.evidence) expect(Object.keys(item)).not.toContain("body");
    const api = await getList("limit=200");
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).not.toContain("BODY-");
  });

  it("filters by source, system, integration, linked requirement, outcome and time", async () => {
    const only = async (query: Record<string, string>) => (await pageThrough({ ...query, limit: 4 })).map((e) => e.id);
    expect(await only({ source: "garak" })).toEqual([ids.pass]);
    expect(await only({ systemId: f.systems.acme })).toEqual([ids.pass]);
    expect(await only({ integrationId })).toEqual([ids.pass]);
    // The unlinked row's link was removed: it no longer counts for the requirement.
    expect(await only({ requirementId: RED_TEAM })).toEqual([ids.pass]);
    expect(await only({ outcome: "pass" })).toEqual([ids.pass]);
    expect(await only({ outcome: "fail" })).toEqual([ids.failingUnmapped, ids.unlinked]);
    expect(await only({ outcome: "error" })).toEqual([]);
    expect(await only({ from: "2026-11-21", to: "2026-11-22" })).toEqual([ids.pass, ids.unlinked]);
    expect(await only({ from: "2026-11-22T08:00:00Z", to: "2026-11-23T08:00:00.000Z" })).toEqual([
      ids.failingUnmapped,
      ids.pass,
    ]);
    const bulk = await only({ to: "2026-11-20", outcome: "info" });
    expect(bulk).toHaveLength(20);
    // Empty values, as a GET form sends them, are no filter at all.
    expect(await only({ source: "", systemId: "", outcome: "", from: "", to: "", requirementId: "" })).toHaveLength(24);
    const api = await getList(`requirementId=${encodeURIComponent(RED_TEAM)}&source=garak`);
    expect((api.body.evidence as EvidenceListItem[]).map((e) => e.id)).toEqual([ids.pass]);
    expect((api.body.evidence as EvidenceListItem[])[0]).toMatchObject({
      integration: { id: integrationId, name: "garak" },
      system: { id: f.systems.acme, name: "Support chatbot" },
      findings: 1,
      failing: 0,
      requirements: [RED_TEAM],
    });
  });

  it("never shows another organization's evidence, whatever the filters", async () => {
    const all = await pageThrough({ limit: 200 });
    expect(all.map((e) => e.id)).not.toContain(ids.globex);
    expect(await listEvidence(db.prisma, f.acme, { systemId: f.systems.globex })).toEqual({
      evidence: [],
      nextCursor: null,
    });
    const globex = await listEvidence(db.prisma, f.globex, {});
    expect(globex.evidence.map((e) => e.id)).toEqual([ids.globex]);
  });

  it("refuses unknown parameters, bad values and forged cursors with 422 naming the field", async () => {
    const cases: [string, string][] = [
      ["colour=red", "colour"],
      ["source=nope", "source"],
      ["outcome=maybe", "outcome"],
      ["systemId=not-a-uuid", "systemId"],
      ["from=yesterday", "from"],
      ["limit=500", "limit"],
      ["limit=0", "limit"],
      ["cursor=bm9wZQ", "cursor"],
    ];
    for (const [query, field] of cases) {
      const res = await getList(query);
      expect(res.status, query).toBe(422);
      const issues = (res.body as { error: { issues: { field: string }[] } }).error.issues;
      expect(
        issues.map((i) => i.field),
        query,
      ).toContain(field);
    }
  });

  it("answers the plain API list for a read token too", async () => {
    const res = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/evidence",
      params: { org: "acme" },
      as: { bearer: f.tokens.read },
    });
    expect(res.status).toBe(200);
    expect((res.body as { evidence: unknown[] }).evidence.length).toBeGreaterThan(0);
  });
});
