"use client";

import type { ReportSummary } from "@/lib/reports/report-summary.ts";
import { formatBytes } from "@/lib/ui/format-bytes.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { ProgressBar } from "./progress-bar.tsx";
import { reportUrls, stageText } from "./report-stages.ts";
import { useReportPolling } from "./use-report-polling.ts";

interface Props {
  orgSlug: string;
  /** The report as the create request returned it (queued). */
  report: ReportSummary;
  /** Whether this member may download the audit pack (admin, compliance, ciso). */
  canDownloadPack: boolean;
}

/**
 * The report just requested, followed live: a progress bar polling every 500 ms, then the download links
 * once it is done, or its error (role="alert") if it failed. Stage changes are announced politely; the
 * percentage is only in the bar, so screen readers are not flooded.
 */
export function ReportProgress({ orgSlug, report: initial, canDownloadPack }: Props) {
  const { report, pollError } = useReportPolling(orgSlug, initial, 500);
  const urls = reportUrls(orgSlug, report.id);
  const headingId = `report-${report.id}-progress-heading`;

  return (
    <section className="report-run" aria-labelledby={headingId}>
      <h3 id={headingId}>Report requested {formatDateTime(report.createdAt)}</h3>
      <ProgressBar report={report} label="Report progress" />
      <p role="status" className="visually-hidden">
        {report.status === "done" ? "The report is ready to download." : stageText(report.stage)}
      </p>
      {report.status === "failed" ? (
        <p role="alert" className="form-error">
          The report failed: {report.error ?? "no reason was recorded."}
        </p>
      ) : null}
      {pollError ? (
        <p role="alert" className="form-error">
          {pollError} Reload the page to see its state in the history.
        </p>
      ) : null}
      {report.status === "done" ? (
        <>
          <p>
            Signed PDF{report.pageCount ? ` of ${report.pageCount} pages` : ""}
            {report.sizeBytes ? ` (${formatBytes(report.sizeBytes)})` : ""}
            {report.signerSubject ? `, signed by ${report.signerSubject}` : ""}.
          </p>
          <p className="inline-controls">
            <a className="button" href={urls.pdf} download>
              Download PDF
            </a>
            {canDownloadPack ? (
              <a className="button secondary" href={urls.pack} download>
                Download audit pack
              </a>
            ) : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
