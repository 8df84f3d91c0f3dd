import { getEvidence } from "@/lib/evidence/get-evidence.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; evidenceId: string }> };

export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "GET /api/v1/orgs/[org]/evidence/[evidenceId]",
    params,
    async ({ prisma, ctx, params: p }) => getEvidence(prisma, ctx, p.evidenceId),
  );
}
