import { requireUuid } from "@/lib/errors/require-uuid.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { rotateIntegrationSecret } from "@/lib/integrations/rotate-integration-secret.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; integrationId: string }> };

/** `{ "overlapHours"?: 0-720, "secret"?: string }`; the answer holds the new secret, shown this once. */
export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "POST /api/v1/orgs/[org]/integrations/[integrationId]/rotate",
    params,
    async ({ prisma, ctx, params: p }) =>
      Response.json(
        await rotateIntegrationSecret(
          prisma,
          ctx,
          requireUuid(p.integrationId, "integration"),
          await readJsonBody(req),
        ),
        { headers: { "cache-control": "no-store" } },
      ),
  );
}
