import Link from "next/link";
import type { PillarStage } from "@/lib/scoring/scoring-types.ts";
import { readinessListHref } from "@/lib/ui/readiness-list-href.ts";
import { OPEN_STATUSES, STAGE_LABEL } from "@/lib/ui/status-labels.ts";
import { StageBadge } from "@/app/_components/status-badge.tsx";
import { PillarChart, type PillarBar } from "./pillar-chart.tsx";

/** "ZTMM 5.4 Applications" -> "Applications": the pillar's short name for the chart axis. */
const shortName = (p: PillarStage) => p.ref.replace(/^ZTMM\s+[\d.]+\s+/, "") || p.title;

/**
 * Zero Trust for AI by pillar: a bar chart of scores labelled with each pillar's maturity stage, and
 * the same as a table whose links open each pillar's open requirements.
 */
export function PillarSection({
  orgSlug,
  asOf,
  pillars,
}: {
  orgSlug: string;
  asOf: string | undefined;
  pillars: PillarStage[];
}) {
  const rows = pillars.map((p) => {
    const open = OPEN_STATUSES.reduce((n, s) => n + p.tally.counts[s], 0);
    return {
      pillar: p,
      open,
      bar: {
        id: p.nodeId,
        name: shortName(p),
        score: p.tally.score ?? 0,
        stage: p.stage,
        stageLabel: STAGE_LABEL[p.stage],
        href: readinessListHref(orgSlug, { group: p.nodeId, status: [...OPEN_STATUSES], asOf }),
      } satisfies PillarBar,
    };
  });
  return (
    <section className="panel" aria-labelledby="pillars-heading">
      <h2 id="pillars-heading">Zero Trust pillars</h2>
      <p className="chart-note">
        Bar height: the pillar&apos;s score; label: its maturity stage (CISA ZTMM), the lowest stage any of its
        functions reaches. Select a bar to list the pillar&apos;s open requirements.
      </p>
      <PillarChart pillars={rows.map((r) => r.bar)} title="Zero Trust pillar scores with maturity stages" />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Zero Trust pillars: stage, score and open requirements</caption>
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              <th scope="col">Stage</th>
              <th scope="col">Score</th>
              <th scope="col">Open requirements</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ pillar, open, bar }) => (
              <tr key={pillar.nodeId}>
                <th scope="row">{pillar.title}</th>
                <td>
                  <StageBadge stage={pillar.stage} />
                </td>
                <td>{pillar.tally.score === null ? "—" : `${pillar.tally.score}%`}</td>
                <td>
                  {open === 0 ? (
                    "None"
                  ) : (
                    <Link href={bar.href}>
                      {open} open<span className="visually-hidden"> requirements in {pillar.title}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
