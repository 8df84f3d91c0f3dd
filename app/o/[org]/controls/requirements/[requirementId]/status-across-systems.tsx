import Link from "next/link";
import { worstStatus } from "@/lib/readiness/worst-status.ts";
import type { ReadinessResult } from "@/lib/scoring/scoring-types.ts";
import { readinessListHref } from "@/lib/ui/readiness-list-href.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { StatusBadge } from "@/app/_components/status-badge.tsx";
import { StatusRowsTable } from "../../../_readiness/status-rows-table.tsx";

interface Props {
  orgSlug: string;
  nodeId: string;
  kind: "group" | "requirement";
  result: ReadinessResult;
  /** The requested date, kept in links; undefined: now. */
  asOf: string | undefined;
}

/**
 * A requirement's status for every AI system, each with its explanation; for a group, each system's
 * worst status and score over the requirements under it, with a link to list them.
 */
export function StatusAcrossSystems({ orgSlug, nodeId, kind, result, asOf }: Props) {
  const day = result.asOf.slice(0, 10);
  const systemHref = (id: string) => `/o/${encodeURIComponent(orgSlug)}/systems/${id}`;
  return (
    <section aria-labelledby="req-status-heading">
      <h2 id="req-status-heading">Status across systems</h2>
      <p className="muted">
        By {day}
        {asOf ? "" : " (now)"}.
      </p>
      {result.systems.length === 0 ? (
        <EmptyState title="No AI systems registered yet">
          <p>Statuses are computed per AI system.</p>
        </EmptyState>
      ) : kind === "requirement" ? (
        <StatusRowsTable
          orgSlug={orgSlug}
          caption="Status of this requirement per AI system"
          headerLabel="AI system"
          rows={result.systems.flatMap((s) => {
            const r = s.requirements.find((x) => x.requirementId === nodeId);
            return r
              ? [{ key: s.systemId, header: <Link href={systemHref(s.systemId)}>{s.name}</Link>, result: r }]
              : [];
          })}
        />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Worst status and score under this group per AI system</caption>
              <thead>
                <tr>
                  <th scope="col">AI system</th>
                  <th scope="col">Worst status</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {result.systems.map((s) => {
                  const g = s.groups.find((x) => x.nodeId === nodeId);
                  return (
                    <tr key={s.systemId}>
                      <th scope="row">
                        <Link href={systemHref(s.systemId)}>{s.name}</Link>
                      </th>
                      <td>{g ? <StatusBadge status={worstStatus(g.tally.counts)} /> : "—"}</td>
                      <td>{g?.tally.score === null || !g ? "—" : `${g.tally.score}%`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <Link href={readinessListHref(orgSlug, { group: nodeId, asOf })}>
              List the status of every requirement under it
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
