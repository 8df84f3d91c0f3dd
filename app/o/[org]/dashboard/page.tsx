import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listFrameworks } from "@/lib/catalog/list-frameworks.ts";
import { listEvidence } from "@/lib/evidence/list-evidence.ts";
import { listMembers } from "@/lib/members/list-members.ts";
import { buildArticleHeatmap } from "@/lib/readiness/build-article-heatmap.ts";
import { computeReadiness } from "@/lib/readiness/compute-readiness.ts";
import { listReadinessNodes } from "@/lib/readiness/list-readiness-nodes.ts";
import { listReadinessTrend } from "@/lib/readiness/list-readiness-trend.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";
import { readAsOfParam } from "@/lib/ui/read-as-of-param.ts";
import { toTrendRows } from "@/lib/ui/to-trend-rows.ts";
import { AsOfForm } from "@/app/_components/as-of-form.tsx";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { LifecycleBadge } from "@/app/_components/lifecycle-badge.tsx";
import { DeadlinesTable } from "../_readiness/deadlines-table.tsx";
import { EvidenceTable } from "../evidence/evidence-table.tsx";
import { ArticleHeatmap } from "./article-heatmap.tsx";
import { FrameworkSection } from "./framework-section.tsx";
import { PillarSection } from "./pillar-section.tsx";
import { TopGaps } from "./top-gaps.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

interface Props {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/dashboard", { org });
  const when = readAsOfParam((await searchParams).asOf);
  const [systems, members, result, snapshots, nodes, frameworks, recent] = await Promise.all([
    listAiSystems(prisma, ctx),
    listMembers(prisma, ctx),
    computeReadiness(prisma, ctx, { asOf: when.asOf }),
    listReadinessTrend(prisma, ctx),
    listReadinessNodes(prisma),
    listFrameworks(prisma),
    listEvidence(prisma, ctx, { limit: 10 }),
  ]);
  const base = `/o/${ctx.org.slug}`;
  const titles = Object.fromEntries(frameworks.map((f) => [f.id, f.title]));
  const scores = new Map(result.systems.map((s) => [s.systemId, s.tally.score]));
  const systemNames = new Map(result.systems.map((s) => [s.systemId, s.name]));
  const deadlines = result.systems.flatMap((s) =>
    s.deadlines.map((d) => ({ system: { id: s.systemId, name: s.name }, deadline: d })),
  );
  const asOfDay = result.asOf.slice(0, 10);

  return (
    <>
      <header className="page-header">
        <h1>{ctx.org.name}</h1>
        <p>
          Your role: <span className="badge">{ctx.role}</span>
        </p>
      </header>

      <AsOfForm action={`${base}/dashboard`} day={when.day} chosen={when.asOf !== undefined} error={when.error} />

      <dl className="stats">
        <div>
          <dt>Readiness score{when.asOf ? ` by ${asOfDay}` : ""}</dt>
          <dd>{result.tally.score === null ? "—" : `${result.tally.score}%`}</dd>
        </div>
        <div>
          <dt>AI systems</dt>
          <dd>{systems.length}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>{members.length}</dd>
        </div>
      </dl>

      {systems.length === 0 ? (
        <section className="panel" aria-labelledby="readiness-heading">
          <h2 id="readiness-heading">Readiness</h2>
          <EmptyState title="No readiness to show yet">
            <p>
              Readiness is scored per AI system. Register and classify your systems on the{" "}
              <Link href={`${base}/systems`}>AI systems</Link> page, then connect{" "}
              <Link href={`${base}/integrations`}>integrations</Link> so evidence arrives.
            </p>
          </EmptyState>
        </section>
      ) : (
        <>
          <FrameworkSection
            orgSlug={ctx.org.slug}
            asOf={when.asOf}
            frameworks={result.frameworks}
            titles={titles}
            trend={toTrendRows(snapshots, new Date(result.asOf))}
          />
          <PillarSection orgSlug={ctx.org.slug} asOf={when.asOf} pillars={result.pillars} />
          <ArticleHeatmap orgSlug={ctx.org.slug} asOf={when.asOf} heatmap={buildArticleHeatmap(result, nodes)} />
          <TopGaps
            orgSlug={ctx.org.slug}
            gaps={result.gaps.slice(0, 10)}
            systemNames={systemNames}
            frameworkTitles={titles}
          />
          <section className="panel" aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">Upcoming deadlines</h2>
            {deadlines.length === 0 ? (
              <p className="muted">No obligation of your systems starts to apply after {asOfDay}.</p>
            ) : (
              <DeadlinesTable rows={deadlines} caption="Upcoming EU AI Act deadlines per system" />
            )}
          </section>
        </>
      )}

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Recent evidence</h2>
        {recent.evidence.length === 0 ? (
          <EmptyState title="No evidence received yet">
            <p>
              Evidence arrives from <Link href={`${base}/integrations`}>integrations</Link> and CI uploads.
            </p>
          </EmptyState>
        ) : (
          <>
            <EvidenceTable orgSlug={ctx.org.slug} items={recent.evidence} />
            <p>
              <Link href={`${base}/evidence`}>All evidence</Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="systems-heading">
        <h2 id="systems-heading">AI systems</h2>
        {systems.length === 0 ? (
          <EmptyState title="No AI systems registered yet">
            <p>
              Register the AI systems your organization builds or uses on the{" "}
              <Link href={`${base}/systems`}>AI systems</Link> page.
            </p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Lifecycle</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Readiness</th>
                </tr>
              </thead>
              <tbody>
                {systems.map((s) => {
                  const score = scores.get(s.id);
                  return (
                    <tr key={s.id}>
                      <td>
                        <Link href={`${base}/systems/${s.id}`}>{s.name}</Link>
                      </td>
                      <td>
                        <LifecycleBadge lifecycle={s.lifecycle} />
                      </td>
                      <td>{s.owner}</td>
                      <td>{score === null || score === undefined ? "—" : `${score}%`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
