import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { recomputeReadiness } from "../readiness/recompute-readiness.ts";
import type { ReadinessResult } from "../scoring/scoring-types.ts";
import { buildReportData } from "./build-report-data.ts";
import type { ReportData, ReportScope } from "./report-types.ts";

/**
 * A report's content from its stored snapshot (never rescored here). A report asked for before any
 * snapshot existed gets one computed and stored first, and is bound to it.
 */
export async function loadReportData(
  prisma: PrismaClient,
  report: { id: string; orgId: string; snapshotId: string | null; scope: ReportScope },
  generatedAt: Date,
): Promise<{ data: ReportData; snapshotId: string }> {
  let snapshotId = report.snapshotId;
  if (!snapshotId) {
    snapshotId = (await recomputeReadiness(prisma, report.orgId, "manual", generatedAt)).snapshotId;
    await prisma.report.update({ where: { id: report.id }, data: { snapshotId } });
  }
  const [org, snapshot, frameworks] = await Promise.all([
    prisma.organization.findUniqueOrThrow({
      where: { id: report.orgId },
      select: { id: true, slug: true, name: true },
    }),
    prisma.readinessSnapshot.findFirst({
      where: { id: snapshotId, orgId: report.orgId },
      select: { id: true, asOf: true, digest: true, result: true },
    }),
    // External frameworks (ISO/IEC 42001, NIST AI RMF) are crosswalk targets, not assessed: not in reports.
    prisma.framework.findMany({
      where: { kind: { not: "external" } },
      select: { id: true, title: true, version: true },
      orderBy: { id: "asc" },
    }),
  ]);
  if (!snapshot) throw new AppError("not_found", "The report's readiness snapshot no longer exists.");
  const data = buildReportData({
    organization: org,
    snapshot: { ...snapshot, result: snapshot.result as unknown as ReadinessResult },
    frameworks,
    scope: report.scope,
    generatedAt,
  });
  return { data, snapshotId };
}
