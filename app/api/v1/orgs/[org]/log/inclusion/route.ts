import { getInclusionProof } from "@/lib/audit/get-inclusion-proof.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** `?evidenceId=` or `?entryId=` [`&treeSize=`]: an inclusion proof against a signed checkpoint. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/log/inclusion", params, async ({ prisma, ctx }) =>
    getInclusionProof(prisma, ctx, Object.fromEntries(new URL(req.url).searchParams)),
  );
}
