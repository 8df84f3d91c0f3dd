import Link from "next/link";
import type { EvidenceListItem } from "@/lib/evidence/list-evidence.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { sourceLabel } from "@/lib/ui/source-labels.ts";

/** One page of evidence, newest first; each row opens the evidence page. */
export function EvidenceTable({ orgSlug, items }: { orgSlug: string; items: EvidenceListItem[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Evidence, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Source</th>
            <th scope="col">Event type</th>
            <th scope="col">AI system</th>
            <th scope="col">Findings</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.receivedAt)}</td>
              <td>
                {sourceLabel(e.source)}
                {e.integration ? <div className="muted">{e.integration.name}</div> : null}
              </td>
              <th scope="row">
                <Link href={`/o/${encodeURIComponent(orgSlug)}/evidence/${e.id}`}>
                  {e.eventType}
                  <span className="visually-hidden"> received {formatDateTime(e.receivedAt)}</span>
                </Link>
              </th>
              <td>{e.system?.name ?? "—"}</td>
              <td>
                {e.findings}
                {e.failing > 0 ? (
                  <>
                    {" "}
                    <span className="badge badge-danger">{e.failing} failing</span>
                  </>
                ) : null}
              </td>
              <td>
                <code title={e.sha256}>{e.sha256.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
