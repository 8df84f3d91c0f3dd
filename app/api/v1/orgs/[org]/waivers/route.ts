import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { createWaiver } from "@/lib/waivers/create-waiver.ts";
import { listWaivers } from "@/lib/waivers/list-waivers.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** Query: `requirementId` to list one requirement's waivers. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/waivers", params, async ({ prisma, ctx }) => ({
    waivers: await listWaivers(prisma, ctx, {
      requirementId: new URL(req.url).searchParams.get("requirementId") ?? undefined,
    }),
  }));
}

export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "POST /api/v1/orgs/[org]/waivers", params, async ({ prisma, ctx }) =>
    Response.json(await createWaiver(prisma, ctx, await readJsonBody(req)), { status: 201 }),
  );
}
