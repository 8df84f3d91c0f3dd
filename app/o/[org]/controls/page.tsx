import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listFrameworks } from "@/lib/catalog/list-frameworks.ts";
import { frameworkHref } from "@/lib/ui/catalog-links.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/controls", { org });
  const frameworks = await listFrameworks(prisma);

  return (
    <>
      <PageHeader title="Controls">
        The control catalogs {ctx.org.name} is assessed against: the EU AI Act&apos;s obligations and Zero Trust for AI,
        with crosswalks between them. Open a framework to browse and search its requirements.
      </PageHeader>
      {frameworks.length === 0 ? (
        <EmptyState title="No control catalogs loaded yet">
          <p>
            Assay loads the catalogs in <code>controls/</code> when it starts. Once a framework file there passes{" "}
            <code>assay catalog check</code>, restart Assay (or run <code>assay catalog sync</code>) and it is listed
            here.
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Frameworks</caption>
            <thead>
              <tr>
                <th scope="col">Framework</th>
                <th scope="col">Version</th>
                <th scope="col">Kind</th>
                <th scope="col">Requirements</th>
                <th scope="col">Nodes</th>
                <th scope="col">Loaded</th>
              </tr>
            </thead>
            <tbody>
              {frameworks.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link href={frameworkHref(ctx.org.slug, f.id)}>{f.title}</Link>
                  </td>
                  <td>{f.version}</td>
                  <td>
                    <span className="badge">{f.kind}</span>
                  </td>
                  <td>{f.requirements}</td>
                  <td>{f.nodes}</td>
                  <td>{formatDateTime(f.syncedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
