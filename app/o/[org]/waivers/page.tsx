import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { listWaivers } from "@/lib/waivers/list-waivers.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { WaiversTable } from "../_readiness/waivers-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Waivers" };

export default async function WaiversPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx } = await requireOrgPageAccess("PAGE /o/[org]/waivers", { org });
  const waivers = await listWaivers(prisma, ctx);
  const slug = ctx.org.slug;
  const canRevoke = canAccessRoute("POST /api/v1/orgs/[org]/waivers/[waiverId]/revoke", ctx);
  const active = waivers.filter((w) => w.state === "active").length;

  return (
    <>
      <PageHeader title="Waivers">
        Accepted exceptions: a requirement that is not met, for one AI system or all, with the reason, the control that
        limits the risk meanwhile, an approver and an end date. While active, the requirement counts as waived instead
        of against the score. Newest first.
      </PageHeader>
      {waivers.length === 0 ? (
        <EmptyState title="No waivers recorded">
          <p>
            Record one from a requirement&apos;s page (see{" "}
            <Link href={`/o/${encodeURIComponent(slug)}/controls`}>Controls</Link>
            ); the compliance team or an admin records it, and another of them approves it.
          </p>
        </EmptyState>
      ) : (
        <>
          <p role="status">
            {waivers.length} {waivers.length === 1 ? "waiver" : "waivers"}, {active} active.
          </p>
          <WaiversTable orgSlug={slug} waivers={waivers} caption="All waivers" showRequirement canRevoke={canRevoke} />
        </>
      )}
    </>
  );
}
