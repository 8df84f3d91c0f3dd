import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "../auth/actor.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { resolveOrgContext } from "../orgs/resolve-org-context.ts";
import { seedDemo } from "../seed/seed-demo.ts";
import { callRoute } from "../testing/call-route.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { computeReadiness } from "./compute-readiness.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let demo: OrgContext;
const now = new Date("2026-11-24T12:00:00Z");

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  await seedDemo(db.prisma, now);
  demo = await resolveOrgContext(db.prisma, { kind: "cli" }, "demo");
});
afterAll(async () => cleanup());

describe("readiness of the demo organization", () => {
  it("shows a non-trivial posture: met, failing, stale, waived and not yet applicable", async () => {
    const result = await computeReadiness(db.prisma, demo, { asOf: now.toISOString() });
    const all = result.systems.flatMap((s) => s.requirements.map((r) => ({ ...r, system: s.name })));
    const counts = result.tally.counts;
    expect(counts.met).toBeGreaterThan(0);
    expect(counts.failing).toBeGreaterThan(0);
    expect(counts.stale).toBeGreaterThan(0);
    expect(counts.waived).toBe(1);
    expect(counts.missing).toBeGreaterThan(counts.met);
    const waived = all.find((r) => r.status === "waived");
    expect(waived).toMatchObject({
      system: "Customer support assistant",
      requirementId: "zero-trust-ai:applications.threat-protections.prompt-injection-guardrails",
      evidenceStatus: "failing",
    });
    // The CV screening ranker is high-risk (Annex III 4(a)): its deployer obligations apply later.
    const cv = result.systems.find((s) => s.name === "CV screening ranker");
    expect(cv?.deadlines.some((d) => d.date === "2027-12-02" && d.originalDates.includes("2026-08-02"))).toBe(true);
    const art26 = cv?.requirements.find((r) => r.requirementId === "eu-ai-act:art-26-1");
    expect(art26).toMatchObject({
      status: "not-applicable",
      applicability: { status: "upcoming", effectiveFrom: "2027-12-02" },
    });
    // Literacy was linked by hand and counts for every system; each status explains itself.
    const literacy = all.filter((r) => r.requirementId === "eu-ai-act:art-4-1");
    expect(literacy.map((r) => r.status)).toEqual(["met", "met", "met"]);
    expect(literacy[0]?.expectations[0]?.decidedBy[0]?.justification).toMatch(/AI literacy course/);
    const failing = all.find((r) => r.status === "failing");
    expect(failing?.expectations.some((e) => e.verdict === "failing" && e.decidedBy[0]?.sha256.length === 64)).toBe(
      true,
    );
    const missing = all.find((r) => r.status === "missing" && r.expectations[0]?.id !== "manual");
    expect(missing?.expectations[0]?.satisfyWith?.sources.length).toBeGreaterThan(0);
    const pillars = result.pillars.map((p) => p.stage);
    expect(pillars.length).toBe(6);
  });

  it("readiness by a later date: the waiver has expired and fresh evidence has gone stale", async () => {
    const later = await computeReadiness(db.prisma, demo, { asOf: "2027-03-01" });
    expect(later.tally.counts.waived).toBe(0);
    expect(later.tally.counts.stale).toBeGreaterThan(
      (await computeReadiness(db.prisma, demo, { asOf: now.toISOString() })).tally.counts.stale,
    );
  });

  it("assay score --json prints the numbers the dashboard's API gives, for the organization and for one system", async () => {
    const asOf = now.toISOString();
    const api = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/readiness",
      params: { org: "acme" },
      query: { asOf },
      as: { cookie: f.sessions.ciso },
    });
    expect(api.status).toBe(200);
    const env = { DATABASE_URL: process.env.DATABASE_URL, ASSAY_SECRET: process.env.ASSAY_SECRET };
    const cli = await runAssayCli(["score", "--org", "acme", "--as-of", asOf, "--json"], env);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(api.body);
    const demoCli = await runAssayCli(["score", "--org", "demo", "--as-of", asOf, "--json"], env);
    const demoDirect = await computeReadiness(db.prisma, demo, { asOf });
    const printed = JSON.parse(demoCli.stdout) as {
      score: number;
      frameworks: unknown;
      systems: { id: string; score: number }[];
    };
    expect(printed.score).toBe(demoDirect.tally.score);
    expect(printed.frameworks).toEqual(demoDirect.frameworks);
    const one = demoDirect.systems[0];
    const single = await runAssayCli(
      ["score", "--org", "demo", "--system", one?.systemId ?? "", "--as-of", asOf, "--json"],
      env,
    );
    expect((JSON.parse(single.stdout) as { score: number }).score).toBe(one?.tally.score);
  });

  it("names bad input: an unknown date, a system of another organization", async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL, ASSAY_SECRET: process.env.ASSAY_SECRET };
    const bad = await runAssayCli(["score", "--org", "demo", "--as-of", "yesterday", "--json"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/asOf: must be a date/);
    const other = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/readiness",
      params: { org: "acme" },
      query: { system: f.systems.globex },
      as: { cookie: f.sessions.ciso },
    });
    expect(other.status).toBe(404);
  });
});
