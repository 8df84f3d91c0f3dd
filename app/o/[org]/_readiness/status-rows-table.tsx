import type { ReactNode } from "react";
import type { RequirementResult } from "@/lib/scoring/scoring-types.ts";
import { StatusBadge } from "@/app/_components/status-badge.tsx";
import { RequirementExplanation } from "./requirement-explanation.tsx";

export interface StatusRow {
  key: string;
  /** The row header: a requirement (on a system's page) or a system (on a requirement's page). */
  header: ReactNode;
  result: RequirementResult;
}

/**
 * Statuses with their explanation: one row per (system, requirement), the one-line reason as the
 * summary of a details element that expands into the expectations and the evidence behind them.
 */
export function StatusRowsTable({
  orgSlug,
  rows,
  caption,
  headerLabel,
}: {
  orgSlug: string;
  rows: StatusRow[];
  caption: string;
  headerLabel: string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{headerLabel}</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              <td>
                <StatusBadge status={row.result.status} />
              </td>
              <td>
                {row.result.expectations.length > 0 || row.result.waiver ? (
                  <details>
                    <summary>{row.result.summary}</summary>
                    <RequirementExplanation orgSlug={orgSlug} result={row.result} hideSummary />
                  </details>
                ) : (
                  row.result.summary
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
