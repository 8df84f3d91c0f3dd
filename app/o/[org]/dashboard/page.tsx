import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listMembers } from "@/lib/members/list-members.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { LifecycleBadge } from "@/app/_components/lifecycle-badge.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/dashboard", { org });
  const [systems, members] = await Promise.all([listAiSystems(prisma, ctx), listMembers(prisma, ctx)]);
  const base = `/o/${ctx.org.slug}`;

  return (
    <>
      <header className="page-header">
        <h1>{ctx.org.name}</h1>
        <p>
          Your role: <span className="badge">{ctx.role}</span>
        </p>
      </header>

      <dl className="stats">
        <div>
          <dt>AI systems</dt>
          <dd>{systems.length}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>{members.length}</dd>
        </div>
      </dl>

      <section className="panel panel-note" aria-labelledby="readiness-heading">
        <h2 id="readiness-heading">Readiness</h2>
        <p>
          Readiness scores appear here once the control catalogs and evidence are connected (coming with the catalog and
          readiness features).
        </p>
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
                </tr>
              </thead>
              <tbody>
                {systems.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`${base}/systems/${s.id}`}>{s.name}</Link>
                    </td>
                    <td>
                      <LifecycleBadge lifecycle={s.lifecycle} />
                    </td>
                    <td>{s.owner}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
