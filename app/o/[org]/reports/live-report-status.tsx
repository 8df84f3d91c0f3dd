"use client";

import type { ReportSummary } from "@/lib/reports/report-summary.ts";
import { ProgressBar } from "./progress-bar.tsx";
import { REPORT_STATUS_BADGE } from "./report-stages.ts";
import { useReportPolling } from "./use-report-polling.ts";

/**
 * The status cell of a queued or running report in the history: its badge and a compact progress bar,
 * polled every second; when it finishes, the page refreshes and the row shows the finished report.
 */
export function LiveReportStatus({
  orgSlug,
  report: initial,
  label,
}: {
  orgSlug: string;
  report: ReportSummary;
  /** Names the report for the bar's accessible name, e.g. "requested 2026-07-01 14:03 UTC". */
  label: string;
}) {
  const { report, pollError } = useReportPolling(orgSlug, initial, 1000);
  return (
    <div className="stack-tight">
      <span className={REPORT_STATUS_BADGE[report.status]}>{report.status}</span>
      <ProgressBar report={report} label={`Progress of the report ${label}`} compact />
      {pollError ? <span className="field-error">{pollError}</span> : null}
    </div>
  );
}
