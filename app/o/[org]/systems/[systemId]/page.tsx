import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listSystemObligations, type SystemObligations } from "@/lib/applicability/list-system-obligations.ts";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { LifecycleBadge } from "@/app/_components/lifecycle-badge.tsx";
import { getAnnexIIIAreas } from "@/lib/catalog/get-annex-iii-areas.ts";
import { listFrameworks } from "@/lib/catalog/list-frameworks.ts";
import { listEvidenceTimeline } from "@/lib/evidence/list-evidence-timeline.ts";
import { computeReadiness } from "@/lib/readiness/compute-readiness.ts";
import { readAsOfParam } from "@/lib/ui/read-as-of-param.ts";
import { RegisterSystemForm } from "../register-system-form.tsx";
import { ClassificationPanel } from "./classification-panel.tsx";
import { ObligationsSection } from "./obligations-section.tsx";
import { ReadinessSection } from "./readiness-section.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "AI system" };

interface Props {
  params: Promise<{ org: string; systemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function SystemPage({ params, searchParams }: Props) {
  const { org, systemId } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/systems/[systemId]", { org, systemId });
  const query = await searchParams;
  let obligations: SystemObligations;
  let queryError: string | null = null;
  try {
    try {
      obligations = await listSystemObligations(prisma, ctx, systemId, {
        asOf: first(query.asOf),
        basis: first(query.basis),
      });
    } catch (error) {
      // A mistyped date or basis in the URL: say so, and show the defaults rather than an error page.
      if (!(error instanceof AppError && error.code === "validation_failed" && error.issues.some(isQueryIssue)))
        throw error;
      queryError = `${error.issues
        .filter(isQueryIssue)
        .map((i) => `${i.field === "asOf" ? "The date" : "The basis"} ${i.message}`)
        .join("; ")}.`;
      obligations = await listSystemObligations(prisma, ctx, systemId);
    }
  } catch (error) {
    // Another organization's id, a random id and a malformed one all read as "not here".
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { system } = obligations;
  // Readiness by the same date as the obligations (a date the obligations refused means now).
  const asOf = queryError ? undefined : readAsOfParam(query.asOf).asOf;
  const [readiness, frameworks, timeline] = await Promise.all([
    computeReadiness(prisma, ctx, { asOf, system: system.id }),
    listFrameworks(prisma),
    listEvidenceTimeline(prisma, ctx, system.id),
  ]);
  const systemReadiness = readiness.systems[0];
  const base = `/o/${ctx.org.slug}/systems/${system.id}`;
  const canClassify = canAccessRoute("PAGE /o/[org]/systems/[systemId]/classify", ctx);
  const canEdit = canAccessRoute("PATCH /api/v1/orgs/[org]/systems/[systemId]", ctx);

  return (
    <>
      <p>
        <Link href={`/o/${ctx.org.slug}/systems`}>← All AI systems</Link>
      </p>
      <header className="page-header page-header-actions">
        <h1>{system.name}</h1>
        {canClassify ? (
          <Link className="button" href={`${base}/classify`}>
            Classify
          </Link>
        ) : null}
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
        {canEdit ? (
          <details>
            <summary>Edit the description</summary>
            <RegisterSystemForm orgSlug={ctx.org.slug} system={system} />
          </details>
        ) : null}
      </section>
      {obligations.classified ? (
        <>
          <ClassificationPanel system={system} areas={system.annexIIIUseCase ? await getAnnexIIIAreas(prisma) : []} />
          <ObligationsSection orgSlug={ctx.org.slug} action={base} obligations={obligations} queryError={queryError} />
        </>
      ) : (
        <EmptyState title="Not classified yet">
          <p>
            Classify this system under the EU AI Act first: your organization&apos;s role for it and its risk class
            decide which obligations apply and from when.{" "}
            {canClassify ? (
              <Link href={`${base}/classify`}>Start the classification</Link>
            ) : (
              "An admin or the compliance team can classify it."
            )}
          </p>
        </EmptyState>
      )}
      {systemReadiness ? (
        <ReadinessSection
          orgSlug={ctx.org.slug}
          readiness={systemReadiness}
          asOf={readiness.asOf.slice(0, 10)}
          frameworkTitles={Object.fromEntries(frameworks.map((f) => [f.id, f.title]))}
          timeline={timeline}
        />
      ) : null}
    </>
  );
}

function isQueryIssue(issue: { field: string }): boolean {
  return issue.field === "asOf" || issue.field === "basis";
}
