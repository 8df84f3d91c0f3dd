import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listIntegrations } from "@/lib/integrations/list-integrations.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { CreateIntegrationForm } from "./create-integration-form.tsx";
import { IntegrationPanel } from "./integration-panel.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/integrations", { org });
  const canCreate = canAccessRoute("POST /api/v1/orgs/[org]/integrations", ctx);
  const canManage = canAccessRoute("PATCH /api/v1/orgs/[org]/integrations/[integrationId]", ctx);
  const [integrations, systems] = await Promise.all([
    listIntegrations(prisma, ctx),
    canCreate ? listAiSystems(prisma, ctx) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader title="Integrations">
        The sources {ctx.org.name} receives evidence from, and how each one proves that a delivery is authentic.
      </PageHeader>
      {integrations.length === 0 ? (
        <EmptyState title="No integrations configured yet">
          <p>
            An integration is one sender of evidence (a model registry, an AI gateway, a red-teaming tool, a scanner or
            a CI pipeline) with its own ingest URL and its own secret. Assay checks every delivery&apos;s signature or
            token on the exact bytes received before it stores anything, keeps those bytes with their SHA-256, and links
            what they show to the requirements they support.
          </p>
          <p>
            {canCreate
              ? "Add the first one below, then configure the tool with the URL and secret it shows once."
              : "An admin or an engineer can add them."}
          </p>
        </EmptyState>
      ) : (
        integrations.map((i) => (
          <IntegrationPanel key={i.id} orgSlug={ctx.org.slug} integration={i} canManage={canManage} />
        ))
      )}
      {canCreate ? (
        <CreateIntegrationForm orgSlug={ctx.org.slug} systems={systems.map((s) => ({ id: s.id, name: s.name }))} />
      ) : null}
    </>
  );
}
