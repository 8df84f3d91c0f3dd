import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { startWorker } from "../jobs/start-worker.ts";
import { callRoute } from "../testing/call-route.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import type { ReportSummary } from "./report-summary.ts";
import { verifyFile } from "./verify-file.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-reports-api-"));
let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
}, 120_000);
afterAll(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const get = (template: string, params: Record<string, string>, cookie = f.sessions.compliance) =>
  callRoute({ method: "GET", template, params: { org: "acme", ...params }, as: { cookie } });

describe("reports through the API and the worker", () => {
  it("a requested report is queued, produced by the worker with progress, downloadable, and its pack verifies", async () => {
    const created = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/reports",
      params: { org: "acme" },
      as: { cookie: f.sessions.compliance },
      body: { systems: [f.systems.acme], frameworks: ["eu-ai-act"] },
    });
    expect(created.status).toBe(202);
    const queued = created.body as ReportSummary;
    expect(queued).toMatchObject({
      status: "queued",
      stage: "queued",
      progress: 0,
      requestedBy: "compliance@acme.test",
    });
    expect(queued.scope).toEqual({ systems: [f.systems.acme], frameworks: ["eu-ai-act"] });

    await startWorker();
    const seen = new Set<string>();
    let report = queued;
    for (const until = Date.now() + 90_000; Date.now() < until && report.status !== "done";) {
      report = (await get("/api/v1/orgs/[org]/reports/[reportId]", { reportId: queued.id })).body as ReportSummary;
      seen.add(`${report.status}:${report.stage}`);
      expect(report.status).not.toBe("failed");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(report.status).toBe("done");
    expect(report.progress).toBe(1);
    expect([...seen].some((s) => s.startsWith("running:"))).toBe(true);
    expect(report.snapshotId).toEqual(expect.any(String));
    expect(report.pageCount).toBeGreaterThan(3);

    const pdf = await get("/api/v1/orgs/[org]/reports/[reportId]/pdf", { reportId: report.id }, f.sessions.engineer);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.response.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(report.sha256);
    expect(pdf.response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="assay-report-acme-[\d-]+-[0-9a-f]{8}\.pdf"$/,
    );

    const pack = await get("/api/v1/orgs/[org]/reports/[reportId]/pack", { reportId: report.id });
    expect(pack.status).toBe(200);
    expect(pack.response.headers.get("content-type")).toBe("application/zip");
    writeFileSync(join(dir, "api-pack.zip"), Buffer.from(await pack.response.arrayBuffer()));
    const verdict = await verifyFile(join(dir, "api-pack.zip"));
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);

    const list = (await get("/api/v1/orgs/[org]/reports", {})).body as { reports: ReportSummary[] };
    expect(list.reports.map((r) => r.id)).toContain(report.id);
    const audit = await db.prisma.auditEntry.findMany({ where: { targetId: report.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["report.request", "report.create"]);
  }, 120_000);

  it("another organization's report is not found; a bad scope is refused with the field named and nothing stored", async () => {
    const report = await db.prisma.report.findFirstOrThrow({ where: { orgId: f.acme.org.id } });
    const other = await get("/api/v1/orgs/[org]/reports/[reportId]", { reportId: report.id }, f.sessions.globexAdmin);
    expect(other.status).toBe(404);
    const otherOrg = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/reports/[reportId]/pdf",
      params: { org: "globex", reportId: report.id },
      as: { cookie: f.sessions.globexAdmin },
    });
    expect(otherOrg.status).toBe(404);
    const before = await db.prisma.report.count();
    const bad = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/reports",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { systems: [f.systems.globex], frameworks: ["no-such-framework"], extra: 1 },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/extra/);
    const foreign = await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/reports",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { systems: [f.systems.globex] },
    });
    expect(foreign.status).toBe(422);
    expect(JSON.stringify(foreign.body)).toMatch(/not AI systems of this organization/);
    expect(await db.prisma.report.count()).toBe(before);
  });

  it("`assay report create` and `assay pack create` write files that `assay verify` accepts", async () => {
    const pdfPath = join(dir, "cli.pdf");
    const made = await runAssayCli(
      ["report", "create", "--org", "acme", "--framework", "zero-trust-ai", "--out", pdfPath, "--json"],
      {},
    );
    expect(made.stderr).not.toMatch(/error/);
    expect(made.code).toBe(0);
    const summary = JSON.parse(made.stdout) as ReportSummary;
    expect(createHash("sha256").update(readFileSync(pdfPath)).digest("hex")).toBe(summary.sha256);
    const zipPath = join(dir, "cli.zip");
    const packed = await runAssayCli(["pack", "create", "--org", "acme", "--report", summary.id, "--out", zipPath], {});
    expect(packed.code).toBe(0);
    expect(packed.stdout).toMatch(/Wrote .*cli\.zip/);
    const verified = await runAssayCli(["verify", zipPath], {});
    expect(verified.stdout).toContain("VERIFIED");
    expect(verified.code).toBe(0);
    const refused = await runAssayCli(["report", "create", "--org", "acme", "--system", "nope", "--out", pdfPath], {});
    expect(refused.stderr).toMatch(/error \[validation_failed\].*systems/);
    expect(refused.code).toBe(2);
  }, 120_000);
});
