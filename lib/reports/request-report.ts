import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { JOBS } from "../jobs/job-names.ts";
import { reportInput } from "./report-input.ts";
import type { ReportSummary } from "./report-summary.ts";
import { REPORT_SUMMARY_SELECT, toReportSummary } from "./to-report-summary.ts";

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", `Invalid report: ${field}: ${message}`, [{ field, message }]);

/**
 * Asks for a signed report of the organization's latest readiness snapshot over a scope. The scope is
 * checked (systems of this organization, frameworks in the catalog); the report row, its
 * `report.request` audit entry and the `report.generate` job commit together. The worker does the rest;
 * with `inline` (the CLI, which generates the report itself right after) no job is queued.
 */
export async function requestReport(
  prisma: PrismaClient,
  ctx: OrgContext,
  input: unknown,
  options: { inline?: boolean } = {},
): Promise<ReportSummary> {
  const data = parseInput(reportInput, input ?? {}, "report");
  const systems = data.systems ? [...new Set(data.systems)] : null;
  const frameworks = data.frameworks ? [...new Set(data.frameworks)] : null;
  if (systems) {
    const found = await prisma.aiSystem.findMany({
      where: { orgId: ctx.org.id, id: { in: systems } },
      select: { id: true },
    });
    const missing = systems.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw invalid("systems", `not AI systems of this organization: ${missing.join(", ")}`);
  }
  if (frameworks) {
    const found = await prisma.framework.findMany({ where: { id: { in: frameworks } }, select: { id: true } });
    const missing = frameworks.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw invalid("frameworks", `not in the catalog: ${missing.join(", ")}`);
  }
  if (!options.inline) await getJobQueue();
  const id = await prisma.$transaction(async (tx) => {
    const snapshot = await tx.readinessSnapshot.findFirst({
      where: { orgId: ctx.org.id },
      orderBy: [{ asOf: "desc" }, { createdAt: "desc" }],
      select: { id: true },
    });
    const report = await tx.report.create({
      data: {
        orgId: ctx.org.id,
        snapshotId: snapshot?.id ?? null,
        scope: { systems, frameworks },
        status: "queued",
        stage: "queued",
        requestedById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      },
      select: { id: true },
    });
    if (!options.inline) await enqueueJob(tx, JOBS.generateReport, { reportId: report.id, orgId: ctx.org.id });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "report.request",
      targetType: "report",
      targetId: report.id,
      data: { systems, frameworks, snapshotId: snapshot?.id ?? null },
    });
    return report.id;
  });
  const row = await prisma.report.findUniqueOrThrow({ where: { id }, select: REPORT_SUMMARY_SELECT });
  return toReportSummary(row, new Map(ctx.actor.kind === "user" ? [[ctx.actor.userId, ctx.actor.email]] : []));
}
