import type { OrgContext } from "../auth/actor.ts";
import type { Db } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";

/** A finished report's signed PDF, with a file name made only of safe characters. */
export async function getReportPdf(
  db: Db,
  ctx: OrgContext,
  reportId: string,
): Promise<{ bytes: Buffer; sha256: string; fileName: string }> {
  const row = await db.report.findFirst({
    where: { id: requireUuid(reportId, "report"), orgId: ctx.org.id },
    select: { id: true, status: true, pdf: true, sha256: true, createdAt: true },
  });
  if (!row) throw new AppError("not_found", "Report not found.");
  if (row.status !== "done" || !row.pdf || !row.sha256) {
    throw new AppError("conflict", `The report is ${row.status}: there is no PDF to download yet.`);
  }
  const slug = ctx.org.slug.replace(/[^a-z0-9-]/g, "");
  return {
    bytes: Buffer.from(row.pdf),
    sha256: row.sha256,
    fileName: `assay-report-${slug}-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.pdf`,
  };
}
