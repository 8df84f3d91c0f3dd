import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { computeReadiness } from "@/lib/readiness/compute-readiness.ts";
import { toReadinessOverview } from "@/lib/readiness/to-readiness-overview.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** Query: `asOf` (date or date-time), `system` (id), `full=1` for every requirement's explained status. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/readiness", params, async ({ prisma, ctx }) => {
    const query = new URL(req.url).searchParams;
    const result = await computeReadiness(prisma, ctx, {
      asOf: query.get("asOf") ?? undefined,
      system: query.get("system") ?? undefined,
    });
    return query.get("full") === "1" ? result : toReadinessOverview(result);
  });
}
