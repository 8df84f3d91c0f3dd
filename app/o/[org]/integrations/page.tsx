import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await requireOrgPageAccess("PAGE /o/[org]/integrations", { org });

  return (
    <>
      <PageHeader title="Integrations">
        The sources {ctx.org.name} receives evidence from, and how each one proves that a delivery is authentic.
      </PageHeader>
      <EmptyState title="No integrations configured yet">
        <p>
          Signed webhooks and CI uploads from registries, gateways, scanners and CI will be configured here: model
          registries (MLflow, Hugging Face Hub, SageMaker, Azure ML, Weights &amp; Biases), AI gateways, security
          scanners and CI systems (GitHub, GitLab), each with its own secret or allowed identities.
        </p>
      </EmptyState>
    </>
  );
}
