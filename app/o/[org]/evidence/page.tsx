import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await requireOrgPageAccess("PAGE /o/[org]/evidence", { org });
  const canTokens = canAccessRoute("PAGE /o/[org]/settings/tokens", ctx);

  return (
    <>
      <PageHeader title="Evidence">
        Everything received from the tools that build, gate and test your AI systems, each item with its verified
        origin, its SHA-256 content hash and its place in the tamper-evident log.
      </PageHeader>
      <EmptyState title="No evidence received yet">
        <p>
          Evidence will arrive through signed webhooks from integrations and through uploads from CI pipelines with a
          scoped API token.
          {canTokens ? (
            <>
              {" "}
              You can already create a token with the evidence:write scope under{" "}
              <Link href={`/o/${ctx.org.slug}/settings/tokens`}>API tokens</Link>.
            </>
          ) : null}
        </p>
      </EmptyState>
    </>
  );
}
