import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { listReadinessTrend } from "@/lib/readiness/list-readiness-trend.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** The stored snapshots of the last 90 days (summaries), oldest first. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/readiness/snapshots", params, async ({ prisma, ctx }) => ({
    snapshots: await listReadinessTrend(prisma, ctx),
  }));
}
