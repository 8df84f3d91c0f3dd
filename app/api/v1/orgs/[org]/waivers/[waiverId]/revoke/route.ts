import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { revokeWaiver } from "@/lib/waivers/revoke-waiver.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; waiverId: string }> };

/** Body: `{ reason }`. Ends the waiver now; it stays on record. */
export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "POST /api/v1/orgs/[org]/waivers/[waiverId]/revoke",
    params,
    async ({ prisma, ctx, params: p }) => {
      await revokeWaiver(prisma, ctx, p.waiverId, await readJsonBody(req));
      return new Response(null, { status: 204 });
    },
  );
}
