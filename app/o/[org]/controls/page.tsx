import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await requireOrgPageAccess("PAGE /o/[org]/controls", { org });

  return (
    <>
      <PageHeader title="Controls">
        Control-by-control status for {ctx.org.name} against Zero Trust for AI and the EU AI Act, with the evidence
        behind each control.
      </PageHeader>
      <EmptyState title="No control catalogs loaded yet">
        <p>
          The requirements of the Zero Trust for AI and EU AI Act catalogs will be listed here once the catalogs are
          loaded, each with its status, the AI systems it applies to and the evidence or exception that covers it.
        </p>
      </EmptyState>
    </>
  );
}
