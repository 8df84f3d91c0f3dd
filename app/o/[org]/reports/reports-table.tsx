import type { ReportSummary } from "@/lib/reports/report-summary.ts";
import { formatBytes } from "@/lib/ui/format-bytes.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { CopyButton } from "@/app/_components/copy-button.tsx";
import { LiveReportStatus } from "./live-report-status.tsx";
import { REPORT_STATUS_BADGE, isFinished, reportUrls } from "./report-stages.ts";

interface Props {
  orgSlug: string;
  reports: ReportSummary[];
  /** Names of the organization's AI systems and of the frameworks, to spell out each scope. */
  systemNames: ReadonlyMap<string, string>;
  frameworkTitles: ReadonlyMap<string, string>;
  canDownloadPack: boolean;
}

/** "All" for a scope list left out, otherwise the names (ids no longer known are counted). */
function scopeList(ids: string[] | null, names: ReadonlyMap<string, string>, removed: string): string {
  if (ids === null) return "all";
  const known = ids.flatMap((id) => {
    const name = names.get(id);
    return name ? [name] : [];
  });
  const gone = ids.length - known.length;
  return [...known, ...(gone > 0 ? [`${gone} ${removed}`] : [])].join(", ");
}

/**
 * The report history, newest first: when and by whom, the scope, the snapshot it reports, its status
 * (live for queued and running ones), pages and size, the PDF's SHA-256 (shortened, with a copy button for the
 * full value) and the downloads of finished reports.
 */
export function ReportsTable({ orgSlug, reports, systemNames, frameworkTitles, canDownloadPack }: Props) {
  return (
    <div className="table-wrap">
      <table>
        <caption>Reports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Scope</th>
            <th scope="col">Snapshot as of</th>
            <th scope="col">Status</th>
            <th scope="col">PDF</th>
            <th scope="col">SHA-256 (PDF)</th>
            <th scope="col">Downloads</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => {
            const created = formatDateTime(r.createdAt);
            const of = `requested ${created}`;
            const urls = reportUrls(orgSlug, r.id);
            return (
              <tr key={r.id}>
                <td>
                  <div className="stack-tight">
                    <span className="nowrap">{created}</span>
                    <span className="muted">by {r.requestedBy ?? "an API token or the CLI"}</span>
                  </div>
                </td>
                <td className="report-scope">
                  <span>AI systems: {scopeList(r.scope.systems, systemNames, "removed")}</span>
                  <span>Frameworks: {scopeList(r.scope.frameworks, frameworkTitles, "unknown")}</span>
                </td>
                <td className="nowrap">
                  {formatDateTime(r.snapshotAsOf, isFinished(r.status) ? "—" : "computed first")}
                </td>
                <td>
                  {isFinished(r.status) ? (
                    <div className="stack-tight">
                      <span className={REPORT_STATUS_BADGE[r.status]}>{r.status}</span>
                      {r.status === "failed" && r.error ? <span className="report-error">{r.error}</span> : null}
                    </div>
                  ) : (
                    <LiveReportStatus orgSlug={orgSlug} report={r} label={of} />
                  )}
                </td>
                <td>
                  {r.pageCount === null || r.sizeBytes === null ? (
                    "—"
                  ) : (
                    <div className="stack-tight">
                      <span className="nowrap">{r.pageCount} pages</span>
                      <span className="nowrap muted">{formatBytes(r.sizeBytes)}</span>
                    </div>
                  )}
                </td>
                <td>
                  {r.sha256 ? (
                    <span className="stack-tight">
                      <code title={r.sha256}>{r.sha256.slice(0, 12)}…</code>
                      <CopyButton value={r.sha256} label={`SHA-256 of the report ${of}`} />
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {r.status === "done" ? (
                    <span className="stack-tight">
                      <a href={urls.pdf} download>
                        PDF<span className="visually-hidden"> of the report {of}</span>
                      </a>
                      {canDownloadPack ? (
                        <a href={urls.pack} download>
                          Audit pack<span className="visually-hidden"> of the report {of}</span>
                        </a>
                      ) : null}
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
