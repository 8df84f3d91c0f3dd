import type { Tally } from "@/lib/scoring/scoring-types.ts";
import { STATUS_LABEL } from "@/lib/ui/status-labels.ts";

const COUNTED = ["met", "partial", "failing", "stale", "missing", "waived", "not-applicable"] as const;

/** Scores and status counts per framework (a system's or the organization's), as a table. */
export function FrameworkScoresTable({
  frameworks,
  titles,
  caption,
}: {
  frameworks: Record<string, Tally>;
  titles: Record<string, string>;
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Score</th>
            {COUNTED.map((s) => (
              <th scope="col" key={s}>
                {STATUS_LABEL[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(frameworks).map(([id, t]) => (
            <tr key={id}>
              <th scope="row">{titles[id] ?? id}</th>
              <td>{t.score === null ? "—" : `${t.score}%`}</td>
              {COUNTED.map((s) => (
                <td key={s}>{t.counts[s]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
