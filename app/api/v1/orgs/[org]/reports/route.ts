import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";
import { listReports } from "@/lib/reports/list-reports.ts";
import { requestReport } from "@/lib/reports/request-report.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string }> };

/** The organization's reports, newest first (`?take=` up to 200). */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "GET /api/v1/orgs/[org]/reports", params, async ({ prisma, ctx }) => ({
    reports: await listReports(prisma, ctx, { take: Number(new URL(req.url).searchParams.get("take")) || undefined }),
  }));
}

/** Body `{ systems?: uuid[], frameworks?: string[] }`: queues a signed report (202, poll its URL). */
export function POST(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(req, "POST /api/v1/orgs/[org]/reports", params, async ({ prisma, ctx }) =>
    Response.json(await requestReport(prisma, ctx, await readJsonBody(req)), { status: 202 }),
  );
}
