import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { getAiSystem } from "@/lib/systems/get-ai-system.ts";
import { updateAiSystem } from "@/lib/systems/update-ai-system.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; systemId: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/systems/[systemId]", params, async ({ prisma, ctx, params: p }) =>
    getAiSystem(prisma, ctx, p.systemId),
  );
}

export function PATCH(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "PATCH /api/v1/orgs/[org]/systems/[systemId]",
    params,
    async ({ prisma, ctx, params: p }) => updateAiSystem(prisma, ctx, p.systemId, await readJsonBody(req)),
  );
}
