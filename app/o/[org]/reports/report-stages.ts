import type { ReportStatus, ReportSummary } from "@/lib/reports/report-summary.ts";

/**
 * The worker's stages in order (lib/reports/generate-report.ts writes them), each named for people:
 * the stage's own word first, so the progress bar's text names it.
 */
const STAGE_TEXT: Record<string, string> = {
  queued: "Queued: waiting for the worker",
  snapshot: "Snapshot: reading the readiness snapshot",
  data: "Data: building the report data",
  render: "Render: drawing the PDF pages",
  sign: "Sign: signing the PDF",
  store: "Store: saving the signed report",
  done: "Done: the signed report is ready",
  failed: "Failed",
};

/** Whether the worker is finished with the report (done or failed). */
export function isFinished(status: ReportStatus): boolean {
  return status === "done" || status === "failed";
}

/** The report's progress as a whole percentage (0..100). */
export function progressPercent(report: Pick<ReportSummary, "progress" | "status">): number {
  if (report.status === "done") return 100;
  return Math.max(0, Math.min(100, Math.round(report.progress * 100)));
}

/** The stage in words, e.g. "Render: drawing the PDF pages". */
export function stageText(stage: string): string {
  return STAGE_TEXT[stage] ?? stage;
}

/** What the progress bar says (`aria-valuetext`): the stage and the percentage. */
export function progressText(report: Pick<ReportSummary, "progress" | "status" | "stage">): string {
  return `${stageText(report.stage)}, ${progressPercent(report)}%`;
}

/** Badge tone per report status (app/_styles/content.css). */
export const REPORT_STATUS_BADGE: Record<ReportStatus, string> = {
  queued: "badge",
  running: "badge badge-info",
  done: "badge badge-success",
  failed: "badge badge-danger",
};

/** The report's API URLs (JSON summary, signed PDF, audit pack). */
export function reportUrls(orgSlug: string, reportId: string): { self: string; pdf: string; pack: string } {
  const self = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/reports/${encodeURIComponent(reportId)}`;
  return { self, pdf: `${self}/pdf`, pack: `${self}/pack` };
}
