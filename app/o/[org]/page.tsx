import { redirect } from "next/navigation";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";

export const dynamic = "force-dynamic";

/** `/o/<slug>` has no content of its own: it opens the organization's dashboard. */
export default async function OrgIndexPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await requireOrgPageAccess("PAGE /o/[org]", { org });
  redirect(`/o/${ctx.org.slug}/dashboard`);
}
