import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { getRequirementDetail, type RequirementDetail } from "@/lib/catalog/get-requirement-detail.ts";
import { listFrameworks } from "@/lib/catalog/list-frameworks.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { listMembers } from "@/lib/members/list-members.ts";
import { computeReadiness } from "@/lib/readiness/compute-readiness.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { readAsOfParam } from "@/lib/ui/read-as-of-param.ts";
import { waiverDateBounds } from "@/lib/ui/waiver-date-bounds.ts";
import { listWaivers } from "@/lib/waivers/list-waivers.ts";
import { AsOfForm } from "@/app/_components/as-of-form.tsx";
import { frameworkHref, requirementHref } from "@/lib/ui/catalog-links.ts";
import { labelOf, REFERENCE_SYSTEM_LABEL } from "@/lib/ui/classification-labels.ts";
import { decodeRouteParam } from "@/lib/ui/decode-route-param.ts";
import { CrosswalkTable } from "./crosswalk-table.tsx";
import { MaturityTable } from "./maturity-table.tsx";
import { RequirementFacts } from "./requirement-facts.tsx";
import { StatusAcrossSystems } from "./status-across-systems.tsx";
import { WaiversSection } from "./waivers-section.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Requirement" };

interface Props {
  params: Promise<{ org: string; requirementId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RequirementPage({ params, searchParams }: Props) {
  const { org, requirementId: rawId } = await params;
  const requirementId = decodeRouteParam(rawId);
  const { prisma, ctx, user } = await requireOrgPageAccess("PAGE /o/[org]/controls/requirements/[requirementId]", {
    org,
    requirementId,
  });
  let detail: RequirementDetail;
  try {
    detail = await getRequirementDetail(prisma, requirementId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const when = readAsOfParam((await searchParams).asOf);
  const canManage = canAccessRoute("POST /api/v1/orgs/[org]/waivers", ctx);
  const [frameworks, result, waivers, members] = await Promise.all([
    listFrameworks(prisma),
    computeReadiness(prisma, ctx, { asOf: when.asOf }),
    listWaivers(prisma, ctx, { requirementId }),
    canManage ? listMembers(prisma, ctx) : Promise.resolve([]),
  ]);
  const framework = frameworks.find((f) => f.id === detail.frameworkId);
  const { node } = detail;
  const slug = ctx.org.slug;
  // Readiness is scored against regulations and standards, not the external crosswalk targets.
  const scored = framework?.kind === "regulation" || framework?.kind === "standard";
  const bounds = waiverDateBounds();
  const manage = canManage
    ? {
        systems: result.systems.map((s) => ({ id: s.systemId, name: s.name })),
        approvers: members
          .filter((m) => (m.role === "compliance" || m.role === "admin") && m.userId !== user.userId)
          .map((m) => ({ email: m.email, name: m.name, role: m.role })),
        minDate: bounds.min,
        maxDate: bounds.max,
      }
    : null;

  return (
    <>
      <nav aria-label="Breadcrumbs" className="breadcrumbs">
        <ol>
          <li>
            <Link href={`/o/${slug}/controls`}>Controls</Link>
          </li>
          <li>
            <Link href={frameworkHref(slug, detail.frameworkId)}>{framework?.title ?? detail.frameworkId}</Link>
          </li>
          {detail.path.map((p) => (
            <li key={p.id}>
              <Link href={requirementHref(slug, p.id)}>{p.ref}</Link>
            </li>
          ))}
          <li aria-current="page">{node.ref}</li>
        </ol>
      </nav>
      <header className="page-header">
        <h1>
          <span className="tree-ref">{node.ref}</span> {node.title}
        </h1>
        <p>
          <code>{node.id}</code>
        </p>
      </header>

      <section className="panel" aria-labelledby="req-summary-heading">
        <h2 id="req-summary-heading">What it asks</h2>
        <p>{node.summary}</p>
        <RequirementFacts node={node} />
      </section>

      {scored ? (
        <>
          <AsOfForm
            action={requirementHref(slug, node.id)}
            day={when.day}
            chosen={when.asOf !== undefined}
            error={when.error}
            label="Status by date"
          />
          <StatusAcrossSystems orgSlug={slug} nodeId={node.id} kind={node.kind} result={result} asOf={when.asOf} />
        </>
      ) : null}

      {node.kind === "requirement" && scored ? (
        <WaiversSection orgSlug={slug} requirementId={node.id} waivers={waivers} manage={manage} />
      ) : null}

      {node.evidence ? (
        <section className="panel" aria-labelledby="req-evidence-heading">
          <h2 id="req-evidence-heading">Evidence that shows it is met</h2>
          <ul>
            {node.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {node.maturity ? (
        <section aria-labelledby="req-maturity-heading">
          <h2 id="req-maturity-heading">Maturity stages</h2>
          <MaturityTable maturity={node.maturity} />
        </section>
      ) : null}

      {node.references ? (
        <section className="panel" aria-labelledby="req-refs-heading">
          <h2 id="req-refs-heading">External references</h2>
          <ul>
            {node.references.map((r) => (
              <li key={`${r.system} ${r.id}`}>
                {labelOf(REFERENCE_SYSTEM_LABEL, r.system)}: <code>{r.id}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {detail.children.length > 0 ? (
        <section className="panel" aria-labelledby="req-children-heading">
          <h2 id="req-children-heading">Contains</h2>
          <ul>
            {detail.children.map((c) => (
              <li key={c.id}>
                <Link href={requirementHref(slug, c.id)}>
                  <span className="tree-ref">{c.ref}</span> {c.title}
                </Link>
                {c.kind === "group" ? (
                  <>
                    {" "}
                    <span className="badge">group</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="req-crosswalk-heading">
        <h2 id="req-crosswalk-heading">Crosswalks</h2>
        {detail.crosswalk.length === 0 ? (
          <p className="muted">No crosswalk edge touches this node.</p>
        ) : (
          <CrosswalkTable orgSlug={slug} edges={detail.crosswalk} frameworkIds={new Set(frameworks.map((f) => f.id))} />
        )}
      </section>
    </>
  );
}
