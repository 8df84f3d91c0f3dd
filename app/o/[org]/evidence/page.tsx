import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { listEvidence, type EvidencePage } from "@/lib/evidence/list-evidence.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { evidenceListHref } from "@/lib/ui/evidence-list-href.ts";
import { readEvidenceQuery } from "@/lib/ui/evidence-query.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { EvidenceFilterForm } from "./evidence-filter-form.tsx";
import { EvidenceTable } from "./evidence-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evidence" };

interface Props {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EvidencePage({ params, searchParams }: Props) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/evidence", { org });
  const query = readEvidenceQuery(await searchParams);
  const slug = ctx.org.slug;
  let page: EvidencePage = { evidence: [], nextCursor: null };
  let queryError: string | null = null;
  try {
    page = await listEvidence(prisma, ctx, query);
  } catch (error) {
    // A mistyped filter in a shared URL: say which one, rather than an error page.
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    queryError = `These filters cannot be used: ${error.issues.map((i) => `${i.field} ${i.message}`).join("; ")}.`;
  }
  const systems = await listAiSystems(prisma, ctx);
  const integration =
    query.integrationId && !queryError
      ? await prisma.integration.findFirst({
          where: { id: query.integrationId, orgId: ctx.org.id },
          select: { name: true },
        })
      : null;
  const filtered = Object.keys(query).some((k) => k !== "cursor");
  const canIntegrate = canAccessRoute("POST /api/v1/orgs/[org]/integrations", ctx);

  return (
    <>
      <PageHeader title="Evidence">
        Everything received from the tools that build, gate and test your AI systems, each item with its verified origin
        and its SHA-256 content hash. Newest first.
      </PageHeader>
      <EvidenceFilterForm
        action={evidenceListHref(slug, {})}
        query={query}
        systems={systems.map((s) => ({ id: s.id, name: s.name }))}
        integrationName={integration?.name ?? null}
      />
      {queryError ? (
        <p role="alert" className="form-error">
          {queryError}
        </p>
      ) : null}
      {page.evidence.length > 0 ? (
        <>
          <EvidenceTable orgSlug={slug} items={page.evidence} />
          <nav aria-label="Pages" className="inline-controls">
            {query.cursor ? (
              <Link href={evidenceListHref(slug, { ...query, cursor: undefined })}>First page</Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={evidenceListHref(slug, { ...query, cursor: page.nextCursor })}>Next page</Link>
            ) : (
              <span className="muted">No more evidence.</span>
            )}
          </nav>
        </>
      ) : queryError ? null : filtered || query.cursor ? (
        <EmptyState title="No evidence matches these filters">
          <p>
            <Link href={evidenceListHref(slug, {})}>Clear the filters</Link> to see all evidence.
          </p>
        </EmptyState>
      ) : (
        <EmptyState title="No evidence received yet">
          <p>
            Evidence arrives through signed webhooks from <Link href={`/o/${slug}/integrations`}>integrations</Link>{" "}
            (model registries, AI gateways, red-teaming tools, scanners, CI) and through uploads from CI pipelines.{" "}
            {canIntegrate ? "Add an integration to start." : "An admin or an engineer can add an integration."}
          </p>
        </EmptyState>
      )}
    </>
  );
}
