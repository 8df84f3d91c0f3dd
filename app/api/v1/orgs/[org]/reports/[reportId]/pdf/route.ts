import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { getReportPdf } from "@/lib/reports/get-report-pdf.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; reportId: string }> };

/** The signed PDF as a download (its sha256 in `x-content-sha256`). */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "GET /api/v1/orgs/[org]/reports/[reportId]/pdf",
    params,
    async ({ prisma, ctx, params: p }) => {
      const pdf = await getReportPdf(prisma, ctx, p.reportId);
      return new Response(new Uint8Array(pdf.bytes), {
        status: 200,
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename="${pdf.fileName}"`,
          "x-content-sha256": pdf.sha256,
          "cache-control": "private, no-store",
          "x-content-type-options": "nosniff",
        },
      });
    },
  );
}
