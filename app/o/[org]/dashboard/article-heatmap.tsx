import Link from "next/link";
import type { ArticleHeatmap as Heatmap } from "@/lib/readiness/build-article-heatmap.ts";
import { READINESS_STATUSES } from "@/lib/scoring/scoring-types.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { readinessListHref } from "@/lib/ui/readiness-list-href.ts";
import { STATUS_LABEL, STATUS_MEANING, STATUS_SHORT } from "@/lib/ui/status-labels.ts";

const LEGEND = ["failing", "stale", "missing", "partial", "waived", "met", "not-applicable"] as const;

/**
 * The EU AI Act as a heatmap: one row per AI system, one column per article, each cell the worst status
 * among the article's requirements that apply to the system, in words and colour, linking to the list
 * of those requirements. A plain table, so screen readers read it cell by cell; it scrolls sideways.
 */
export function ArticleHeatmap({
  orgSlug,
  asOf,
  heatmap,
}: {
  orgSlug: string;
  asOf: string | undefined;
  heatmap: Heatmap;
}) {
  return (
    <section className="panel" aria-labelledby="heatmap-heading">
      <h2 id="heatmap-heading">EU AI Act by system and article</h2>
      <p className="chart-note">
        Each cell shows the worst status among the article&apos;s requirements that apply to the system (failing, then
        stale, missing, partial, waived, met). Select a cell to list those requirements.
        {heatmap.hidden > 0
          ? ` ${heatmap.hidden} article${heatmap.hidden === 1 ? "" : "s"} applying to none of your systems on this date ${heatmap.hidden === 1 ? "is" : "are"} left out.`
          : ""}
      </p>
      <ul className="status-legend" aria-label="Legend">
        {LEGEND.map((s) => (
          <li key={s}>
            <span className={`badge status-badge status-${s}`}>{STATUS_SHORT[s]}</span> {STATUS_LABEL[s]}:{" "}
            {STATUS_MEANING[s]}
          </li>
        ))}
      </ul>
      <div className="heatmap-wrap" role="region" aria-label="EU AI Act heatmap, scrolls sideways" tabIndex={0}>
        <table className="heatmap">
          <caption className="visually-hidden">
            Worst readiness status per AI system (rows) and EU AI Act article (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col">AI system</th>
              {heatmap.articles.map((a) => (
                <th scope="col" key={a.id}>
                  <Link href={requirementHref(orgSlug, a.id)} title={`${a.ref} ${a.title}`}>
                    {a.ref}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.rows.map((row) => (
              <tr key={row.systemId}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, i) => {
                  const article = heatmap.articles[i];
                  const detail = READINESS_STATUSES.filter((s) => s !== "not-applicable" && cell.counts[s] > 0)
                    .map((s) => `${cell.counts[s]} ${STATUS_LABEL[s]}`)
                    .join(", ");
                  // The row header names the system; the link's own name stays short (system names are link names elsewhere).
                  const what = `${article?.ref ?? ""}, ${STATUS_LABEL[cell.status]}${detail ? `: ${detail}` : ""}`;
                  return (
                    <td key={cell.articleId} className={`heat-cell status-${cell.status}`}>
                      <Link
                        href={readinessListHref(orgSlug, {
                          system: row.systemId,
                          group: cell.articleId,
                          status: cell.status === "not-applicable" ? ["not-applicable"] : undefined,
                          asOf,
                        })}
                        title={`${row.name}, ${what}`}
                      >
                        {STATUS_SHORT[cell.status]}
                        <span className="visually-hidden"> ({what})</span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
