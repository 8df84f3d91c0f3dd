import { getEvidenceRaw } from "@/lib/evidence/get-evidence-raw.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; evidenceId: string }> };

/** The exact bytes as received, as a download. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "GET /api/v1/orgs/[org]/evidence/[evidenceId]/raw",
    params,
    async ({ prisma, ctx, params: p }) => {
      const raw = await getEvidenceRaw(prisma, ctx, p.evidenceId);
      return new Response(raw.bytes, { status: 200, headers: raw.headers });
    },
  );
}
