import Link from "next/link";
import { READINESS_STATUSES, type Tally } from "@/lib/scoring/scoring-types.ts";
import { readinessListHref } from "@/lib/ui/readiness-list-href.ts";
import { OPEN_STATUSES } from "@/lib/ui/status-labels.ts";
import type { TrendRow } from "@/lib/ui/to-trend-rows.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { StatusBadge } from "@/app/_components/status-badge.tsx";
import { TrendChart, type TrendSeries } from "./trend-chart.tsx";

interface Props {
  orgSlug: string;
  asOf: string | undefined;
  frameworks: Record<string, Tally>;
  titles: Record<string, string>;
  trend: TrendRow[];
}

const percent = (score: number | null) => (score === null ? "—" : `${score}%`);

/** Each framework's score and status counts, and the trend lines from the stored snapshots. */
export function FrameworkSection({ orgSlug, asOf, frameworks, titles, trend }: Props) {
  const ids = Object.keys(frameworks);
  const series: TrendSeries[] = [
    ...ids.map((id) => ({ id, name: titles[id] ?? id })),
    { id: "score", name: "Organization" },
  ];
  return (
    <section aria-labelledby="frameworks-heading">
      <h2 id="frameworks-heading">Readiness by framework</h2>
      <div className="score-cards">
        {ids.map((id) => {
          const t = frameworks[id];
          if (!t) return null;
          return (
            <section className="score-card" key={id} aria-labelledby={`fw-${id}-heading`}>
              <h3 id={`fw-${id}-heading`}>{titles[id] ?? id}</h3>
              <p className="score">{percent(t.score)}</p>
              <ul className="count-list" aria-label={`Status counts for ${titles[id] ?? id}`}>
                {READINESS_STATUSES.filter((s) => t.counts[s] > 0).map((s) => (
                  <li key={s}>
                    {t.counts[s]} <StatusBadge status={s} />
                  </li>
                ))}
              </ul>
              <p>
                <Link href={readinessListHref(orgSlug, { framework: id, status: [...OPEN_STATUSES], asOf })}>
                  Open requirements<span className="visually-hidden"> of {titles[id] ?? id}</span>
                </Link>
              </p>
            </section>
          );
        })}
      </div>
      <section className="panel" aria-labelledby="trend-heading">
        <h3 id="trend-heading">Trend (last 90 days)</h3>
        {trend.length === 0 ? (
          <EmptyState title="No readiness history yet">
            <p>
              A snapshot of the scores is stored each time readiness is recomputed (when evidence arrives, links or
              waivers change, and hourly). The trend lines appear once there is one.
            </p>
          </EmptyState>
        ) : (
          <>
            <TrendChart rows={trend} series={series} title="Readiness score per framework over time" />
            <details className="table-alternative">
              <summary>Trend as a table</summary>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Readiness score per day and framework</caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      {series.map((s) => (
                        <th scope="col" key={s.id}>
                          {s.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {trend.map((row) => (
                      <tr key={row.day}>
                        <th scope="row">{row.day}</th>
                        {series.map((s) => (
                          <td key={s.id}>{percent(s.id === "score" ? row.score : (row.frameworks[s.id] ?? null))}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>
    </section>
  );
}
