import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { LifecycleBadge } from "@/app/_components/lifecycle-badge.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { RegisterSystemForm } from "./register-system-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "AI systems" };

export default async function SystemsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/systems", { org });
  const systems = await listAiSystems(prisma, ctx);
  const canRegister = canAccessRoute("POST /api/v1/orgs/[org]/systems", ctx);

  return (
    <>
      <PageHeader title="AI systems">
        The register of AI systems {ctx.org.name} builds or uses. Evidence, controls and readiness are tracked per
        system.
      </PageHeader>

      {systems.length === 0 ? (
        <EmptyState title="No AI systems registered yet">
          <p>{canRegister ? "Register the first one below." : "An admin or the compliance team can register them."}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">AI systems</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Lifecycle</th>
                <th scope="col">Owner</th>
                <th scope="col">Registered</th>
              </tr>
            </thead>
            <tbody>
              {systems.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/o/${ctx.org.slug}/systems/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>
                    <LifecycleBadge lifecycle={s.lifecycle} />
                  </td>
                  <td>{s.owner}</td>
                  <td>{formatDateTime(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canRegister ? <RegisterSystemForm orgSlug={ctx.org.slug} /> : null}
    </>
  );
}
