import type { EvidenceDetail } from "@/lib/evidence/get-evidence.ts";
import { OutcomeBadge } from "@/app/_components/outcome-badge.tsx";

/** The normalized findings the source's adapter extracted from the evidence. */
export function FindingsTable({ e }: { e: EvidenceDetail }) {
  const pending = e.findings.length === 0 && e.result.findings > 0;
  return (
    <section className="panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      {pending ? (
        <p className="muted">
          {e.result.findings} finding{e.result.findings === 1 ? " is" : "s are"} being extracted; reload in a moment.
        </p>
      ) : e.findings.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Findings</caption>
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Outcome</th>
                <th scope="col">Severity</th>
                <th scope="col">Subject</th>
                <th scope="col">Title</th>
              </tr>
            </thead>
            <tbody>
              {e.findings.map((f) => (
                <tr key={f.id}>
                  <td>
                    <code>{f.check}</code>
                  </td>
                  <td>
                    <OutcomeBadge outcome={f.outcome} />
                  </td>
                  <td>{f.severity ?? "—"}</td>
                  <td>
                    {f.subject.name}
                    {f.subject.version ? ` ${f.subject.version}` : ""} <span className="muted">({f.subject.kind})</span>
                  </td>
                  <td>
                    {f.title}
                    {f.detail ? <div className="muted">{f.detail}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {e.findingsTotal > e.findings.length ? (
        <p className="muted">
          Showing {e.findings.length} of {e.findingsTotal} findings: download the raw evidence for all of them.
        </p>
      ) : null}
    </section>
  );
}
