import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { createMember } from "@/lib/members/create-member.ts";
import { listMembers } from "@/lib/members/list-members.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/members", params, async ({ prisma, ctx }) => ({
    members: await listMembers(prisma, ctx),
  }));
}

export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "POST /api/v1/orgs/[org]/members", params, async ({ prisma, ctx }) =>
    Response.json(await createMember(prisma, ctx, await readJsonBody(req)), { status: 201 }),
  );
}
