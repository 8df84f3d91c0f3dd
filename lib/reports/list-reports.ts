import type { OrgContext } from "../auth/actor.ts";
import type { Db } from "../db/db-types.ts";
import type { ReportSummary } from "./report-summary.ts";
import { REPORT_SUMMARY_SELECT, toReportSummary } from "./to-report-summary.ts";

/** The organization's reports, newest first (the history on the Reports page). */
export async function listReports(db: Db, ctx: OrgContext, options: { take?: number } = {}): Promise<ReportSummary[]> {
  const rows = await db.report.findMany({
    where: { orgId: ctx.org.id },
    select: REPORT_SUMMARY_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(options.take ?? 50, 1), 200),
  });
  const ids = [...new Set(rows.flatMap((r) => (r.requestedById ? [r.requestedById] : [])))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    : [];
  return rows.map((r) => toReportSummary(r, new Map(users.map((u) => [u.id, u.email]))));
}
