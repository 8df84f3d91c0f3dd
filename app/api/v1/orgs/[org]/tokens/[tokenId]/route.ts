import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; tokenId: string }> };

export function DELETE(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "DELETE /api/v1/orgs/[org]/tokens/[tokenId]",
    params,
    async ({ prisma, ctx, params: p }) => {
      await revokeApiToken(prisma, ctx, p.tokenId);
      return new Response(null, { status: 204 });
    },
  );
}
