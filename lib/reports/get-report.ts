import type { OrgContext } from "../auth/actor.ts";
import type { Db } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import type { ReportSummary } from "./report-summary.ts";
import { REPORT_SUMMARY_SELECT, toReportSummary } from "./to-report-summary.ts";

/** One report of the organization (the tenant check is in the query: another's id is not found). */
export async function getReport(db: Db, ctx: OrgContext, reportId: string): Promise<ReportSummary> {
  const row = await db.report.findFirst({
    where: { id: requireUuid(reportId, "report"), orgId: ctx.org.id },
    select: REPORT_SUMMARY_SELECT,
  });
  if (!row) throw new AppError("not_found", "Report not found.");
  const user = row.requestedById
    ? await db.user.findUnique({ where: { id: row.requestedById }, select: { email: true } })
    : null;
  return toReportSummary(row, new Map(user && row.requestedById ? [[row.requestedById, user.email]] : []));
}
