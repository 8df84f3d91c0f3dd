import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { getIntegration } from "@/lib/integrations/get-integration.ts";
import { updateIntegration } from "@/lib/integrations/update-integration.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; integrationId: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "GET /api/v1/orgs/[org]/integrations/[integrationId]",
    params,
    async ({ prisma, ctx, params: p }) => getIntegration(prisma, ctx, p.integrationId),
  );
}

/** `{ "disabled": true | false }`. */
export function PATCH(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "PATCH /api/v1/orgs/[org]/integrations/[integrationId]",
    params,
    async ({ prisma, ctx, params: p }) => updateIntegration(prisma, ctx, p.integrationId, await readJsonBody(req)),
  );
}
