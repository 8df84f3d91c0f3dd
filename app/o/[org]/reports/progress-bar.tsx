import type { ReportSummary } from "@/lib/reports/report-summary.ts";
import { progressPercent, progressText } from "./report-stages.ts";

/**
 * A report's progress as a bar (`role="progressbar"`): the percentage in `aria-valuenow`, the stage and
 * percentage in `aria-valuetext`, and the same text beside it unless `compact`.
 */
export function ProgressBar({
  report,
  label,
  compact = false,
}: {
  report: Pick<ReportSummary, "progress" | "status" | "stage">;
  /** The bar's accessible name. */
  label: string;
  compact?: boolean;
}) {
  const percent = progressPercent(report);
  const text = progressText(report);
  return (
    <div className={compact ? "report-progress compact" : "report-progress"}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">{compact ? `${report.stage}, ${percent}%` : text}</span>
    </div>
  );
}
