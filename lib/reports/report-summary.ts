import type { ReportScope } from "./report-types.ts";

export type ReportStatus = "queued" | "running" | "done" | "failed";

/** A report as lists, progress polling and the CLI show it (never its bytes). */
export interface ReportSummary {
  id: string;
  status: ReportStatus;
  stage: string;
  /** 0..1 */
  progress: number;
  error: string | null;
  scope: ReportScope;
  snapshotId: string | null;
  snapshotAsOf: string | null;
  createdAt: string;
  finishedAt: string | null;
  requestedBy: string | null;
  sha256: string | null;
  dataSha256: string | null;
  sizeBytes: number | null;
  pageCount: number | null;
  signerSubject: string | null;
  signerFingerprint: string | null;
}
