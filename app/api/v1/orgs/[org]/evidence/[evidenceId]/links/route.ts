import { linkEvidence } from "@/lib/evidence/link-evidence.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; evidenceId: string }> };

/** `{ "requirementId", "justification" (10+ characters), "findingKey"? }`: a link made by hand. */
export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "POST /api/v1/orgs/[org]/evidence/[evidenceId]/links",
    params,
    async ({ prisma, ctx, params: p }) =>
      Response.json(await linkEvidence(prisma, ctx, p.evidenceId, await readJsonBody(req)), { status: 201 }),
  );
}
