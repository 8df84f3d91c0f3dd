import { getDatabase } from "@/lib/db/get-database.ts";
import { runRoute } from "@/lib/http/run-route.ts";
import { ingestUpload } from "@/lib/ingest/ingest-upload.ts";

/** A CI upload of a tool's output file, with an API token or a CI OIDC token (see `ingestUpload`). */
export function POST(req: Request): Promise<Response> {
  return runRoute(req, "POST /api/v1/evidence", async () => {
    const { prisma } = await getDatabase();
    const body = await ingestUpload(prisma, req);
    return Response.json(body, { status: 202, headers: { "cache-control": "no-store" } });
  });
}
