import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getAiSystem } from "@/lib/systems/get-ai-system.ts";
import type { AiSystemSummary } from "@/lib/systems/to-ai-system-summary.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { LifecycleBadge } from "@/app/_components/lifecycle-badge.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "AI system" };

export default async function SystemPage({ params }: { params: Promise<{ org: string; systemId: string }> }) {
  const { org, systemId } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/systems/[systemId]", { org, systemId });
  let system: AiSystemSummary;
  try {
    system = await getAiSystem(prisma, ctx, systemId);
  } catch (error) {
    // Another organization's id, a random id and a malformed one all read as "not here".
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }

  return (
    <>
      <p>
        <Link href={`/o/${ctx.org.slug}/systems`}>← All AI systems</Link>
      </p>
      <header className="page-header">
        <h1>{system.name}</h1>
      </header>
      <section className="panel" aria-labelledby="system-details-heading">
        <h2 id="system-details-heading">Details</h2>
        <dl className="details">
          <dt>Purpose</dt>
          <dd>{system.purpose}</dd>
          <dt>Owner</dt>
          <dd>{system.owner}</dd>
          <dt>Lifecycle</dt>
          <dd>
            <LifecycleBadge lifecycle={system.lifecycle} />
          </dd>
          <dt>Registered</dt>
          <dd>{formatDateTime(system.createdAt)}</dd>
          <dt>Last changed</dt>
          <dd>{formatDateTime(system.updatedAt)}</dd>
        </dl>
      </section>
      <EmptyState title="No evidence or risk classification yet">
        <p>
          The EU AI Act risk classification, the controls that apply to this system and the evidence behind them will
          appear here once the control catalogs and evidence ingestion are connected.
        </p>
      </EmptyState>
    </>
  );
}
