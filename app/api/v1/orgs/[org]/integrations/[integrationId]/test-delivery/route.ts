import { requireUuid } from "@/lib/errors/require-uuid.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { sendTestDelivery } from "@/lib/ingest/send-test-delivery.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; integrationId: string }> };

/** Sends a signed sample delivery through the integration's own ingest path; answers like the ingest endpoint. */
export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "POST /api/v1/orgs/[org]/integrations/[integrationId]/test-delivery",
    params,
    async ({ prisma, ctx, params: p }) =>
      Response.json(await sendTestDelivery(prisma, ctx, requireUuid(p.integrationId, "integration")), {
        status: 202,
        headers: { "cache-control": "no-store" },
      }),
  );
}
