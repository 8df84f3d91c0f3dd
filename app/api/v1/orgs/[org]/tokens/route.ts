import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { createApiToken } from "@/lib/tokens/create-api-token.ts";
import { listApiTokens } from "@/lib/tokens/list-api-tokens.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/tokens", params, async ({ prisma, ctx }) => ({
    tokens: await listApiTokens(prisma, ctx),
  }));
}

export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "POST /api/v1/orgs/[org]/tokens", params, async ({ prisma, ctx }) =>
    Response.json(await createApiToken(prisma, ctx, await readJsonBody(req)), {
      status: 201,
      headers: { "cache-control": "no-store" },
    }),
  );
}
