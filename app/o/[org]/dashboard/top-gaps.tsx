import Link from "next/link";
import type { Gap } from "@/lib/scoring/scoring-types.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { StatusBadge } from "@/app/_components/status-badge.tsx";

interface Props {
  orgSlug: string;
  gaps: Gap[];
  systemNames: ReadonlyMap<string, string>;
  frameworkTitles: Record<string, string>;
}

/** The ten requirements whose fixing would raise the organization's score most, with the points each adds. */
export function TopGaps({ orgSlug, gaps, systemNames, frameworkTitles }: Props) {
  return (
    <section className="panel" aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">Top gaps</h2>
      {gaps.length === 0 ? (
        <EmptyState title="No gaps">
          <p>Every requirement that applies is met, waived or not yet due.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              Top gaps: requirements that would raise the score most if met everywhere
            </caption>
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Framework</th>
                <th scope="col">AI systems</th>
                <th scope="col">Would add</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={g.requirementId}>
                  <th scope="row">
                    <Link href={requirementHref(orgSlug, g.requirementId)}>
                      <span className="tree-ref">{g.ref}</span> {g.title}
                    </Link>
                  </th>
                  <td>{frameworkTitles[g.frameworkId] ?? g.frameworkId}</td>
                  <td>
                    <ul className="plain-list gap-systems">
                      {g.systems.map((s) => (
                        <li key={s.systemId}>
                          {systemNames.get(s.systemId) ?? s.systemId} <StatusBadge status={s.status} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>+{g.gain} points</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
