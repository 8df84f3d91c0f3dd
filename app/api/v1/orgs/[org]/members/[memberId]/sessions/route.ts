import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { revokeMemberSessions } from "@/lib/members/revoke-member-sessions.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; memberId: string }> };

/** An admin signs a member out everywhere (every session of that person is deleted). */
export function DELETE(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "DELETE /api/v1/orgs/[org]/members/[memberId]/sessions",
    params,
    async ({ prisma, ctx, params: p }) => revokeMemberSessions(prisma, ctx, p.memberId),
  );
}
