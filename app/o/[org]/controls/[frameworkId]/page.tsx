import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { getFrameworkNodes, type FrameworkNodes } from "@/lib/catalog/get-framework-nodes.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { frameworkHref } from "@/lib/ui/catalog-links.ts";
import { decodeRouteParam } from "@/lib/ui/decode-route-param.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { FrameworkTree } from "./framework-tree.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Framework" };

interface Props {
  params: Promise<{ org: string; frameworkId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function FrameworkPage({ params, searchParams }: Props) {
  const { org, frameworkId: rawId } = await params;
  const frameworkId = decodeRouteParam(rawId);
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/controls/[frameworkId]", { org, frameworkId });
  const rawQ = (await searchParams).q;
  const q = (Array.isArray(rawQ) ? rawQ[0] : rawQ)?.trim().slice(0, 200) ?? "";
  let data: FrameworkNodes;
  try {
    data = await getFrameworkNodes(prisma, frameworkId, q);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const matches = data.nodes.filter((n) => n.match).length;
  const here = frameworkHref(ctx.org.slug, frameworkId);

  return (
    <>
      <p>
        <Link href={`/o/${ctx.org.slug}/controls`}>← All frameworks</Link>
      </p>
      <header className="page-header">
        <h1>{data.framework.title}</h1>
        <p>
          Version {data.framework.version} · {data.framework.kind} · {data.total} nodes
        </p>
      </header>
      <div className="panel">
        <form method="get" action={here} className="search-form" role="search" aria-label="Search this framework">
          <div className="field">
            <label htmlFor="framework-q">Search requirements</label>
            <input
              id="framework-q"
              type="search"
              name="q"
              defaultValue={q}
              maxLength={200}
              aria-describedby="framework-q-hint"
            />
            <p className="hint" id="framework-q-hint">
              Matches references, titles, summaries and ids, e.g. &quot;logging&quot; or &quot;Art. 26&quot;.
            </p>
          </div>
          <div className="inline-controls">
            <button type="submit">Search</button>
            {q ? <Link href={here}>Clear the search</Link> : null}
          </div>
        </form>
      </div>
      {q ? (
        <p role="status">
          {matches === 0
            ? `Nothing matches “${q}”.`
            : `${matches} ${matches === 1 ? "node matches" : "nodes match"} “${q}” (highlighted; their parents are shown for context).`}
        </p>
      ) : null}
      {data.nodes.length === 0 ? (
        <EmptyState title={q ? "No matching requirements" : "This framework has no nodes"}>
          {q ? <p>Try a shorter or different word, or clear the search.</p> : null}
        </EmptyState>
      ) : (
        <section aria-label={`${data.framework.title} contents`}>
          <FrameworkTree orgSlug={ctx.org.slug} nodes={data.nodes} />
        </section>
      )}
    </>
  );
}
