import { getConsistencyProof } from "@/lib/audit/get-consistency-proof.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** `?from=` [`&to=`]: a consistency proof between an older tree size and a signed checkpoint. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/log/consistency", params, async ({ prisma, ctx }) =>
    getConsistencyProof(prisma, ctx, Object.fromEntries(new URL(req.url).searchParams)),
  );
}
