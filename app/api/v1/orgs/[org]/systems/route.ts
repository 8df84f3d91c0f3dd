import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { createAiSystem } from "@/lib/systems/create-ai-system.ts";
import { listAiSystems } from "@/lib/systems/list-ai-systems.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/systems", params, async ({ prisma, ctx }) => ({
    systems: await listAiSystems(prisma, ctx),
  }));
}

export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "POST /api/v1/orgs/[org]/systems", params, async ({ prisma, ctx }) =>
    Response.json(await createAiSystem(prisma, ctx, await readJsonBody(req)), { status: 201 }),
  );
}
