import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await requireOrgPageAccess("PAGE /o/[org]/reports", { org });

  return (
    <>
      <PageHeader title="Reports">
        Signed audit reports and audit packs for {ctx.org.name}, which an auditor can verify offline.
      </PageHeader>
      <EmptyState title="No reports generated yet">
        <p>
          Signed PDF audit reports and ZIP audit packs for a chosen scope and point in time will be generated and listed
          here, once readiness can be computed from the control catalogs and the evidence received.
        </p>
      </EmptyState>
    </>
  );
}
