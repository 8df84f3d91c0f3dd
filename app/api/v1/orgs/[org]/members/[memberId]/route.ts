import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { changeMemberRole } from "@/lib/members/change-member-role.ts";
import { removeMember } from "@/lib/members/remove-member.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; memberId: string }> };

export function PATCH(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "PATCH /api/v1/orgs/[org]/members/[memberId]",
    params,
    async ({ prisma, ctx, params: p }) => changeMemberRole(prisma, ctx, p.memberId, await readJsonBody(req)),
  );
}

export function DELETE(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "DELETE /api/v1/orgs/[org]/members/[memberId]",
    params,
    async ({ prisma, ctx, params: p }) => {
      await removeMember(prisma, ctx, p.memberId);
      return new Response(null, { status: 204 });
    },
  );
}
