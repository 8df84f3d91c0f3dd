import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { getReport } from "@/lib/reports/get-report.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; reportId: string }> };

/** One report: status, stage and progress while the worker runs; hashes and signer when done. */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/reports/[reportId]", params, async ({ prisma, ctx, params: p }) =>
    getReport(prisma, ctx, p.reportId),
  );
}
