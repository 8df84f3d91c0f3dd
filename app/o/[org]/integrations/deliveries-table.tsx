import Link from "next/link";
import type { IntegrationSummary } from "@/lib/integrations/to-integration-summary.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { toDeliveryRows } from "@/lib/ui/to-delivery-rows.ts";
import { OutcomeBadge } from "@/app/_components/outcome-badge.tsx";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** An integration's last deliveries: accepted ones with their counts, rejected ones with status, code and reason. */
export function DeliveriesTable({ orgSlug, integration }: { orgSlug: string; integration: IntegrationSummary }) {
  const rows = toDeliveryRows(integration.deliveries, integration.rejections);
  if (rows.length === 0) {
    return (
      <p className="muted">No deliveries yet. Configure the sender with the URL and secret, or send a test delivery.</p>
    );
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Recent deliveries to {integration.name}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Outcome</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.outcome === "accepted" ? row.evidenceId : `rejected-${row.at}-${i}`}>
              <td>{formatDateTime(row.at)}</td>
              <td>
                <OutcomeBadge outcome={row.outcome} />
              </td>
              <td>
                {row.outcome === "accepted" ? (
                  <>
                    <code>{row.eventType}</code>: {plural(row.findings, "finding")}, {row.failing} failing,{" "}
                    {plural(row.requirements, "requirement")}.{" "}
                    <Link href={`/o/${encodeURIComponent(orgSlug)}/evidence/${row.evidenceId}`}>
                      View evidence<span className="visually-hidden"> received {formatDateTime(row.at)}</span>
                    </Link>
                  </>
                ) : (
                  <>
                    HTTP {row.status} <code>{row.code}</code>: {row.message}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
