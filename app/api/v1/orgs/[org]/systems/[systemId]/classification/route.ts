import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { classifySystem } from "@/lib/systems/classify-system.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; systemId: string }> };

/** The classification wizard's submission: operator roles, answers -> risk class with reasoning. */
export function PUT(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "PUT /api/v1/orgs/[org]/systems/[systemId]/classification",
    params,
    async ({ prisma, ctx, params: p }) => classifySystem(prisma, ctx, p.systemId, await readJsonBody(req)),
  );
}
