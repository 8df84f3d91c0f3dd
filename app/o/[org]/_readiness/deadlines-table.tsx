import type { DeadlineGroup } from "@/lib/scoring/scoring-types.ts";

export interface DeadlineRow {
  system?: { id: string; name: string } | undefined;
  deadline: DeadlineGroup;
}

/**
 * Obligations that apply later, one row per (system and) date: the date as amended by the Digital
 * Omnibus on AI, the original Art. 113 date(s), the days left, how many obligations, and the share
 * whose evidence already meets them.
 */
export function DeadlinesTable({ rows, caption }: { rows: DeadlineRow[]; caption: string }) {
  const withSystem = rows.some((r) => r.system);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {withSystem ? <th scope="col">AI system</th> : null}
            <th scope="col">Digital Omnibus date</th>
            <th scope="col">Original date</th>
            <th scope="col">Days left</th>
            <th scope="col">Obligations</th>
            <th scope="col">Already met</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ system, deadline: d }) => {
            const total = d.requirementIds.length;
            const met = d.tally.counts.met;
            return (
              <tr key={`${system?.id ?? ""} ${d.date}`}>
                {withSystem ? <th scope="row">{system?.name ?? "—"}</th> : null}
                <td>{d.date}</td>
                <td>{d.originalDates.length > 0 ? d.originalDates.join(", ") : "—"}</td>
                <td>{d.daysLeft}</td>
                <td>{total}</td>
                <td>
                  {met} of {total} ({total === 0 ? 0 : Math.round((100 * met) / total)}%)
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
