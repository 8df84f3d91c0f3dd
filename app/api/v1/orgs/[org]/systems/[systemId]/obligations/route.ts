import { listSystemObligations } from "@/lib/applicability/list-system-obligations.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; systemId: string }> };

/** Applicable, upcoming and non-applicable EU AI Act obligations; `?asOf=YYYY-MM-DD&basis=amended|original`. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "GET /api/v1/orgs/[org]/systems/[systemId]/obligations",
    params,
    async ({ prisma, ctx, params: p }) => {
      const query = new URL(req.url).searchParams;
      return listSystemObligations(prisma, ctx, p.systemId, {
        asOf: query.get("asOf") ?? undefined,
        basis: query.get("basis") ?? undefined,
      });
    },
  );
}
