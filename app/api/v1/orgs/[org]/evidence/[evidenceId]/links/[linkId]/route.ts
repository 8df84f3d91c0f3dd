import { unlinkEvidence } from "@/lib/evidence/unlink-evidence.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; evidenceId: string; linkId: string }> };

/** `{ "reason" }`: the link is kept, marked removed by the caller; rule links too. */
export function DELETE(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "DELETE /api/v1/orgs/[org]/evidence/[evidenceId]/links/[linkId]",
    params,
    async ({ prisma, ctx, params: p }) => unlinkEvidence(prisma, ctx, p.evidenceId, p.linkId, await readJsonBody(req)),
  );
}
