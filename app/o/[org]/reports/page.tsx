import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listFrameworks } from "@/lib/catalog/list-frameworks.ts";
import { getSigningCertificate } from "@/lib/reports/get-signing-certificate.ts";
import { listReports } from "@/lib/reports/list-reports.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { CreateReportForm } from "./create-report-form.tsx";
import { ReportsTable } from "./reports-table.tsx";
import { SigningCertificatePanel } from "./signing-certificate-panel.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

/**
 * Signed reports: the create form (admin, compliance, ciso), the history, and the signing certificate.
 * The certificate is read only once a report exists or for admins: reading it generates the
 * organization's keys on first use (about a second), which a first report does anyway, so a member
 * merely looking at an empty Reports page never triggers it.
 */
export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/reports", { org });
  const slug = ctx.org.slug;
  const canCreate = canAccessRoute("POST /api/v1/orgs/[org]/reports", ctx);
  const canDownloadPack = canAccessRoute("GET /api/v1/orgs/[org]/reports/[reportId]/pack", ctx);
  const canUpload = canAccessRoute("PUT /api/v1/orgs/[org]/signing-certificate", ctx);
  const [reports, systems, frameworks] = await Promise.all([
    listReports(prisma, ctx),
    listAiSystems(prisma, ctx),
    listFrameworks(prisma),
  ]);
  const certificate = reports.length > 0 || canUpload ? await getSigningCertificate(prisma, ctx) : null;
  // Frameworks with assessable requirements: the external id lists (ISO/IEC 42001, NIST AI RMF) are not scored.
  const scored = frameworks.filter((f) => f.requirements > 0);

  return (
    <>
      <PageHeader title="Reports">
        Signed PDF audit reports and ZIP audit packs for {ctx.org.name}: a point-in-time readiness snapshot for a chosen
        scope, signed with the organization&apos;s certificate so an auditor can verify them offline.
      </PageHeader>
      {canCreate ? (
        <CreateReportForm
          orgSlug={slug}
          systems={systems.map((s) => ({ id: s.id, name: s.name }))}
          frameworks={scored.map((f) => ({ id: f.id, title: f.title }))}
          canDownloadPack={canDownloadPack}
        />
      ) : (
        <p className="panel panel-note">
          Reports are created by members with the admin, compliance or CISO role; you can download the finished PDFs
          below.
        </p>
      )}
      <section aria-labelledby="report-history-heading">
        <h2 id="report-history-heading">History</h2>
        {reports.length === 0 ? (
          <EmptyState title="No reports yet">
            <p>
              {canCreate
                ? "Create the first one above: it is listed here with its progress, its hashes and its downloads."
                : "Reports appear here, newest first, once a member with the admin, compliance or CISO role creates one."}
            </p>
          </EmptyState>
        ) : (
          <ReportsTable
            orgSlug={slug}
            reports={reports}
            systemNames={new Map(systems.map((s) => [s.id, s.name]))}
            frameworkTitles={new Map(frameworks.map((f) => [f.id, f.title]))}
            canDownloadPack={canDownloadPack}
          />
        )}
      </section>
      <SigningCertificatePanel orgSlug={slug} orgName={ctx.org.name} certificate={certificate} canUpload={canUpload} />
    </>
  );
}
