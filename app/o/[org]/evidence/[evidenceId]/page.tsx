import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getEvidence, type EvidenceDetail } from "@/lib/evidence/get-evidence.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { formatBytes } from "@/lib/ui/format-bytes.ts";
import { EvidenceOrigin } from "./evidence-origin.tsx";
import { FindingsTable } from "./findings-table.tsx";
import { JsonPreview } from "./json-preview.tsx";
import { LinkRequirementForm } from "./link-requirement-form.tsx";
import { LinksSection } from "./links-section.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evidence" };

export default async function EvidenceItemPage({ params }: { params: Promise<{ org: string; evidenceId: string }> }) {
  const { org, evidenceId } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/evidence/[evidenceId]", { org, evidenceId });
  let e: EvidenceDetail;
  try {
    e = await getEvidence(prisma, ctx, evidenceId);
  } catch (error) {
    // Another organization's id, a random id and a malformed one all read as "not here".
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const slug = ctx.org.slug;
  const canLink = canAccessRoute("POST /api/v1/orgs/[org]/evidence/[evidenceId]/links", ctx);
  const rawHref = `/api/v1/orgs/${encodeURIComponent(slug)}/evidence/${e.id}/raw`;

  return (
    <>
      <p>
        <Link href={`/o/${slug}/evidence`}>← All evidence</Link>
      </p>
      <header className="page-header page-header-actions">
        <h1>Evidence: {e.eventType}</h1>
        <a className="button" href={rawHref} download>
          Download raw
        </a>
      </header>
      <p className="muted">
        <code>{e.id}</code>
      </p>
      <EvidenceOrigin orgSlug={slug} e={e} />
      <FindingsTable e={e} />
      <LinksSection orgSlug={slug} e={e} canLink={canLink} />
      {canLink ? (
        <LinkRequirementForm
          orgSlug={slug}
          evidenceId={e.id}
          findings={e.findings.map((f) => ({ key: f.key, title: f.title, outcome: f.outcome }))}
        />
      ) : null}
      <section className="panel" aria-labelledby="payload-heading">
        <h2 id="payload-heading">Raw payload</h2>
        {e.body.text === null ? (
          <p className="muted">
            The body is not UTF-8 text ({formatBytes(e.sizeBytes)}): <a href={rawHref}>download it</a> to inspect it.
          </p>
        ) : (
          <>
            {e.body.truncated ? (
              <p className="muted">
                Showing the first 256 KiB of {formatBytes(e.sizeBytes)}: <a href={rawHref}>download the raw bytes</a>{" "}
                for all of it.
              </p>
            ) : null}
            <JsonPreview text={e.body.text} complete={!e.body.truncated} label="Payload preview" />
          </>
        )}
      </section>
    </>
  );
}
