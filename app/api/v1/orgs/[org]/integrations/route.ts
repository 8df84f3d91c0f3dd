import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { createIntegration } from "@/lib/integrations/create-integration.ts";
import { listIntegrations } from "@/lib/integrations/list-integrations.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/integrations", params, async ({ prisma, ctx }) => ({
    integrations: await listIntegrations(prisma, ctx),
  }));
}

/** Creates an integration; the answer holds its secret, shown this once. */
export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "POST /api/v1/orgs/[org]/integrations", params, async ({ prisma, ctx }) =>
    Response.json(await createIntegration(prisma, ctx, await readJsonBody(req)), {
      status: 201,
      headers: { "cache-control": "no-store" },
    }),
  );
}
