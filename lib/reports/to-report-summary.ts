import type { Prisma } from "../db/db-types.ts";
import type { ReportStatus, ReportSummary } from "./report-summary.ts";
import { toReportScope } from "./to-report-scope.ts";

/** The columns a summary needs (the bytes stay in the database). */
export const REPORT_SUMMARY_SELECT = {
  id: true,
  status: true,
  stage: true,
  progress: true,
  error: true,
  scope: true,
  snapshotId: true,
  snapshot: { select: { asOf: true } },
  createdAt: true,
  finishedAt: true,
  requestedById: true,
  sha256: true,
  dataSha256: true,
  sizeBytes: true,
  pageCount: true,
  signerSubject: true,
  signerFingerprint: true,
} satisfies Prisma.ReportSelect;

type Row = Prisma.ReportGetPayload<{ select: typeof REPORT_SUMMARY_SELECT }>;

/** Pure: a stored report row as its summary; `emails` names who asked for it. */
export function toReportSummary(row: Row, emails: ReadonlyMap<string, string> = new Map()): ReportSummary {
  return {
    id: row.id,
    status: row.status as ReportStatus,
    stage: row.stage,
    progress: row.progress,
    error: row.error,
    scope: toReportScope(row.scope),
    snapshotId: row.snapshotId,
    snapshotAsOf: row.snapshot?.asOf.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    requestedBy: row.requestedById ? (emails.get(row.requestedById) ?? null) : null,
    sha256: row.sha256,
    dataSha256: row.dataSha256,
    sizeBytes: row.sizeBytes,
    pageCount: row.pageCount,
    signerSubject: row.signerSubject,
    signerFingerprint: row.signerFingerprint,
  };
}
