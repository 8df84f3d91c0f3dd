import { getDatabase } from "@/lib/db/get-database.ts";
import { runRoute } from "@/lib/http/run-route.ts";
import { ingestDelivery } from "@/lib/ingest/ingest-delivery.ts";

type Params = { params: Promise<{ integrationId: string }> };

async function handle(req: Request, params: Params["params"], key: string): Promise<Response> {
  return runRoute(req, key, async () => {
    const { integrationId } = await params;
    const { prisma } = await getDatabase();
    const answer = await ingestDelivery(prisma, req, integrationId);
    if (answer.kind === "handshake") {
      return new Response(answer.body === null ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { ...answer.headers, ...(answer.body === null ? {} : { "content-type": "application/json" }) },
      });
    }
    return Response.json(answer.body, { status: 202, headers: { "cache-control": "no-store" } });
  });
}

/** A signed webhook delivery; authenticity is checked on the raw bytes inside `ingestDelivery`. */
export function POST(req: Request, { params }: Params): Promise<Response> {
  return handle(req, params, "POST /api/v1/ingest/[integrationId]");
}

/** Azure Event Grid's CloudEvents abuse-protection preflight. */
export function OPTIONS(req: Request, { params }: Params): Promise<Response> {
  return handle(req, params, "OPTIONS /api/v1/ingest/[integrationId]");
}
