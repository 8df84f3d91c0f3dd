import { PassThrough, Readable } from "node:stream";
import { AppError } from "@/lib/errors/app-error.ts";
import { handleOrgRoute } from "@/lib/http/handle-org-route.ts";
import { getLogger } from "@/lib/log/get-logger.ts";
import { getReport } from "@/lib/reports/get-report.ts";
import { writeAuditPack } from "@/lib/reports/write-audit-pack.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ org: string; reportId: string }> };

/** The audit pack ZIP, streamed as it is written (evidence read in bounded batches). */
export function GET(req: Request, { params }: Ctx): Promise<Response> {
  return handleOrgRoute(
    req,
    "GET /api/v1/orgs/[org]/reports/[reportId]/pack",
    params,
    async ({ prisma, ctx, params: p, requestId }) => {
      const report = await getReport(prisma, ctx, p.reportId);
      if (report.status !== "done") {
        throw new AppError("conflict", `The report is ${report.status}: an audit pack needs a finished report.`);
      }
      const out = new PassThrough();
      writeAuditPack(prisma, ctx, report.id, out).catch((error: unknown) => {
        getLogger().error({ requestId, reportId: report.id, err: String(error) }, "audit pack failed mid-stream");
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const slug = ctx.org.slug.replace(/[^a-z0-9-]/g, "");
      return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
        status: 200,
        headers: {
          "content-type": "application/zip",
          "content-disposition": `attachment; filename="assay-pack-${slug}-${report.createdAt.slice(0, 10)}-${report.id.slice(0, 8)}.zip"`,
          "cache-control": "private, no-store",
          "x-content-type-options": "nosniff",
        },
      });
    },
  );
}
