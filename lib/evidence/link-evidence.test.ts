import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { seedTestEvidence } from "../testing/seed-test-evidence.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import type { EvidenceDetail } from "./get-evidence.ts";
import type { EvidenceLink } from "./list-evidence-links.ts";
import { listEvidence } from "./list-evidence.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let evidenceId: string;
let globexEvidenceId: string;

const RED_TEAM = "zero-trust-ai:applications.security-testing.red-team-ci";
const LOGS = "eu-ai-act:art-26-6";

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  evidenceId = await seedTestEvidence(db.prisma, {
    orgId: f.acme.org.id,
    receivedAt: new Date(),
    findings: ["pass", "fail"],
    links: [RED_TEAM],
  });
  globexEvidenceId = await seedTestEvidence(db.prisma, {
    orgId: f.globex.org.id,
    receivedAt: new Date(),
    findings: ["pass"],
    links: [RED_TEAM],
  });
});
afterAll(async () => cleanup());

const link = (body: unknown, opts: { evidence?: string; cookie?: string; org?: string } = {}) =>
  callRoute({
    method: "POST",
    template: "/api/v1/orgs/[org]/evidence/[evidenceId]/links",
    params: { org: opts.org ?? "acme", evidenceId: opts.evidence ?? evidenceId },
    as: { cookie: opts.cookie ?? f.sessions.compliance },
    body,
  });

const unlink = (linkId: string, body: unknown, opts: { evidence?: string; cookie?: string } = {}) =>
  callRoute({
    method: "DELETE",
    template: "/api/v1/orgs/[org]/evidence/[evidenceId]/links/[linkId]",
    params: { org: "acme", evidenceId: opts.evidence ?? evidenceId, linkId },
    as: { cookie: opts.cookie ?? f.sessions.compliance },
    body,
  });

const detail = async (id = evidenceId) =>
  (
    await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/evidence/[evidenceId]",
      params: { org: "acme", evidenceId: id },
      as: { cookie: f.sessions.engineer },
    })
  ).body as EvidenceDetail;

const issuesOf = (body: unknown) => (body as { error: { issues: { field: string; message: string }[] } }).error.issues;

describe("linking evidence to a requirement by hand", () => {
  it("creates the link with its justification, audited in the same transaction; the detail shows who and why", async () => {
    const res = await link({ requirementId: LOGS, justification: "The gateway keeps request logs for 6 months." });
    expect(res.status).toBe(201);
    const created = res.body as EvidenceLink;
    expect(created).toMatchObject({
      requirementId: LOGS,
      ruleId: null,
      outcome: "pass",
      justification: "The gateway keeps request logs for 6 months.",
      createdBy: { id: f.members.compliance.userId, email: "compliance@acme.test" },
      removedAt: null,
    });
    expect(created.requirement?.title).toBeTruthy();
    const audit = await db.prisma.auditEntry.findFirst({ where: { action: "evidence.link", targetId: created.id } });
    expect(audit).toMatchObject({ orgId: f.acme.org.id, actorType: "user", actorId: f.members.compliance.userId });
    expect(audit?.data).toMatchObject({ evidenceId, requirementId: LOGS });

    const shown = await detail();
    expect(shown.links.find((l) => l.id === created.id)).toMatchObject({ requirementId: LOGS, ruleId: null });
    expect(shown.links.find((l) => l.ruleId === "test-rule")).toMatchObject({ requirementId: RED_TEAM });
    const listed = await listEvidence(db.prisma, f.acme, { requirementId: LOGS });
    expect(listed.evidence.map((e) => e.id)).toEqual([evidenceId]);

    const again = await link({ requirementId: LOGS, justification: "The gateway keeps request logs for 6 months." });
    expect(again.status).toBe(409);
  });

  it("takes the outcome of a named finding, which must belong to this evidence", async () => {
    const res = await link({
      requirementId: "eu-ai-act:art-15-5",
      justification: "The failed probe is a gap.",
      findingKey: "f1",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ findingKey: "f1", outcome: "fail" });
    const wrong = await link({
      requirementId: "eu-ai-act:art-15-5",
      justification: "No such finding here.",
      findingKey: "zz",
    });
    expect(wrong.status).toBe(422);
    expect(issuesOf(wrong.body)).toEqual([{ field: "findingKey", message: "is not a finding of this evidence" }]);
  });

  it("refuses unknown fields, a short justification, a group and an unknown requirement, and writes nothing", async () => {
    const before = await db.prisma.controlLink.count();
    const unknown = await link({ requirementId: LOGS, justification: "Long enough reason.", outcome: "pass" });
    expect(unknown.status).toBe(422);
    expect(issuesOf(unknown.body)).toEqual([{ field: "outcome", message: "unknown field" }]);
    const short = await link({ requirementId: LOGS, justification: "because" });
    expect(short.status).toBe(422);
    expect(issuesOf(short.body).map((i) => i.field)).toEqual(["justification"]);
    const group = await link({ requirementId: "eu-ai-act:art-15", justification: "A whole article at once." });
    expect(group.status).toBe(422);
    expect(issuesOf(group.body)[0]?.message).toMatch(/not an assessable requirement/);
    const missing = await link({ requirementId: "eu-ai-act:art-999", justification: "Does not exist at all." });
    expect(missing.status).toBe(422);
    expect(issuesOf(missing.body)).toEqual([{ field: "requirementId", message: "is not in the catalog" }]);
    expect(await db.prisma.controlLink.count()).toBe(before);
  });

  it("lets neither an engineer nor another organization link", async () => {
    const body = { requirementId: LOGS, justification: "Should never be stored." };
    expect((await link(body, { cookie: f.sessions.engineer })).status).toBe(403);
    expect((await link(body, { evidence: globexEvidenceId })).status).toBe(404);
    expect((await link(body, { evidence: randomUUID() })).status).toBe(404);
    expect((await link(body, { evidence: "not-a-uuid" })).status).toBe(404);
    expect((await link(body, { org: "globex" })).status).toBe(404);
    expect(await db.prisma.controlLink.count({ where: { justification: body.justification } })).toBe(0);
  });
});

describe("unlinking", () => {
  it("marks a rule link removed (row kept), records who and why, and the requirement filter drops it", async () => {
    const ruleLink = (await detail()).links.find((l) => l.ruleId === "test-rule");
    if (!ruleLink) throw new Error("no rule link");
    const unknown = await unlink(ruleLink.id, { reason: "x", force: true });
    expect(unknown.status).toBe(422);
    expect(issuesOf(unknown.body)).toEqual([{ field: "force", message: "unknown field" }]);
    expect((await unlink(ruleLink.id, {})).status).toBe(422);

    const res = await unlink(ruleLink.id, { reason: "The probe ran against a staging model." });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ruleLink.id,
      removedBy: { id: f.members.compliance.userId },
      removedReason: "The probe ran against a staging model.",
    });
    const row = await db.prisma.controlLink.findUniqueOrThrow({ where: { id: ruleLink.id } });
    expect(row.removedAt).toBeInstanceOf(Date);
    expect(row.removedById).toBe(f.members.compliance.userId);
    const audits = await db.prisma.auditEntry.findMany({ where: { action: "evidence.unlink", targetId: ruleLink.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toMatchObject({ reason: "The probe ran against a staging model.", ruleId: "test-rule" });
    expect((await listEvidence(db.prisma, f.acme, { requirementId: RED_TEAM })).evidence).toEqual([]);

    // Unlinking again changes nothing and adds no audit entry.
    expect((await unlink(ruleLink.id, { reason: "again" })).status).toBe(200);
    expect(await db.prisma.auditEntry.count({ where: { action: "evidence.unlink", targetId: ruleLink.id } })).toBe(1);
  });

  it("cannot reach another organization's link, nor a link through the wrong evidence", async () => {
    const globexLink = await db.prisma.controlLink.findFirstOrThrow({ where: { evidenceId: globexEvidenceId } });
    expect((await unlink(globexLink.id, { reason: "cross-tenant" })).status).toBe(404);
    expect((await unlink(globexLink.id, { reason: "cross-tenant" }, { evidence: globexEvidenceId })).status).toBe(404);
    const own = (await detail()).links[0];
    const other = await seedTestEvidence(db.prisma, { orgId: f.acme.org.id, receivedAt: new Date() });
    expect((await unlink(own?.id ?? "", { reason: "wrong evidence" }, { evidence: other })).status).toBe(404);
    expect((await unlink(randomUUID(), { reason: "random" })).status).toBe(404);
    expect((await unlink(globexLink.id, { reason: "x" }, { cookie: f.sessions.ciso })).status).toBe(403);
    const still = await db.prisma.controlLink.findUniqueOrThrow({ where: { id: globexLink.id } });
    expect(still.removedAt).toBeNull();
  });
});
