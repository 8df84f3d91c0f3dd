import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listFrameworks } from "@/lib/catalog/list-frameworks.ts";
import { computeReadiness } from "@/lib/readiness/compute-readiness.ts";
import { filterRequirementResults } from "@/lib/readiness/filter-requirement-results.ts";
import { listReadinessNodes } from "@/lib/readiness/list-readiness-nodes.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { readAsOfParam } from "@/lib/ui/read-as-of-param.ts";
import { readReadinessListQuery } from "@/lib/ui/read-readiness-list-query.ts";
import { readinessListHref } from "@/lib/ui/readiness-list-href.ts";
import { STATUS_LABEL } from "@/lib/ui/status-labels.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { StatusBadge } from "@/app/_components/status-badge.tsx";
import { ReadinessFilterForm } from "./readiness-filter-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Readiness details" };

/** More rows than this are cut (narrow the filters). */
const MAX_ROWS = 500;

interface Props {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ReadinessListPage({ params, searchParams }: Props) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/readiness", { org });
  const query = readReadinessListQuery(await searchParams);
  const when = readAsOfParam(query.asOf);
  const [result, nodes, frameworks] = await Promise.all([
    computeReadiness(prisma, ctx, { asOf: when.asOf }),
    listReadinessNodes(prisma),
    listFrameworks(prisma),
  ]);
  const slug = ctx.org.slug;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const errors = [...query.errors, ...(when.error ? [when.error] : [])];
  const filters = { ...query.filters };
  const system = result.systems.find((s) => s.systemId === filters.systemId);
  if (filters.systemId && !system) {
    errors.push("The AI system asked for is not one of this organization's; showing every system.");
    filters.systemId = undefined;
  }
  const groupNode = filters.groupId ? byId.get(filters.groupId) : undefined;
  if (filters.groupId && !groupNode) {
    errors.push(`There is no catalog node ${filters.groupId}; showing every requirement.`);
    filters.groupId = undefined;
  }
  const scored = frameworks.filter((f) => nodes.some((n) => n.frameworkId === f.id));
  if (filters.frameworkId && !scored.some((f) => f.id === filters.frameworkId)) {
    errors.push(`There is no scored framework ${filters.frameworkId}; showing every framework.`);
    filters.frameworkId = undefined;
  }
  const rows = filterRequirementResults(result, byId, filters);
  const link = {
    status: filters.statuses,
    system: filters.systemId,
    group: filters.groupId,
    framework: filters.frameworkId,
    asOf: when.asOf,
  };
  const asOfSearch = when.asOf ? `?asOf=${encodeURIComponent(when.asOf)}` : "";
  const described = [
    filters.statuses
      ? `status ${filters.statuses.map((s) => STATUS_LABEL[s]).join(" or ")}`
      : "every status but not applicable",
    system ? `AI system ${system.name}` : null,
    groupNode ? `under ${groupNode.ref} ${groupNode.title}` : null,
    filters.frameworkId ? (frameworks.find((f) => f.id === filters.frameworkId)?.title ?? filters.frameworkId) : null,
  ].filter(Boolean);

  return (
    <>
      <p>
        <Link href={`/o/${encodeURIComponent(slug)}/dashboard${asOfSearch}`}>← Dashboard</Link>
      </p>
      <PageHeader title="Readiness details">
        Each AI system&apos;s status for each requirement, with the reason in one line. Open a requirement for the
        evidence behind it, its status across systems and its waivers.
      </PageHeader>
      <ReadinessFilterForm
        action={readinessListHref(slug, {})}
        filters={filters}
        day={when.asOf ? when.day : ""}
        systems={result.systems.map((s) => ({ id: s.systemId, name: s.name }))}
        frameworks={scored.map((f) => ({ id: f.id, title: f.title }))}
        group={
          groupNode
            ? {
                id: groupNode.id,
                label: `${groupNode.ref} ${groupNode.title}`,
                clearHref: readinessListHref(slug, { ...link, group: undefined }),
              }
            : null
        }
      />
      {errors.map((e) => (
        <p key={e} role="alert" className="form-error">
          {e}
        </p>
      ))}
      <p role="status">
        {rows.length} {rows.length === 1 ? "requirement" : "requirements"} by {result.asOf.slice(0, 10)}
        {when.asOf ? "" : " (now)"}: {described.join("; ")}.
        {rows.length > MAX_ROWS ? ` Showing the first ${MAX_ROWS}; narrow the filters to see the rest.` : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No requirement matches these filters">
          <p>
            <Link href={readinessListHref(slug, { asOf: when.asOf })}>Clear the filters</Link> to see every open and met
            requirement.
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Requirements with their status per AI system</caption>
            <thead>
              <tr>
                <th scope="col">AI system</th>
                <th scope="col">Requirement</th>
                <th scope="col">Status</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_ROWS).map((r) => (
                <tr key={`${r.systemId} ${r.requirementId}`}>
                  <td>{r.systemName}</td>
                  <th scope="row">
                    <Link href={`${requirementHref(slug, r.requirementId)}${asOfSearch}`}>
                      <span className="tree-ref">{r.ref}</span> {r.title}
                    </Link>
                  </th>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>{r.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
