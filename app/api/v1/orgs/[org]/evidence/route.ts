import { listEvidence } from "@/lib/evidence/list-evidence.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/**
 * Newest first. Query: `source`, `systemId`, `integrationId`, `requirementId`, `outcome`
 * (pass|fail|info|error), `from`, `to` (date or date-time), `limit` (1-200, default 50), `cursor`.
 */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/evidence", params, async ({ prisma, ctx }) =>
    listEvidence(prisma, ctx, Object.fromEntries(new URL(req.url).searchParams)),
  );
}
