import { getDatabase } from "../db/get-database.ts";
import { runRoute } from "../http/run-route.ts";
import { ingestDelivery } from "./ingest-delivery.ts";

/**
 * The HTTP answer for `POST|OPTIONS /api/v1/ingest/<integrationId>`: 202 with the ingest JSON, the
 * Event Grid handshake answer, or the structured error. The Next.js route handler is this one call,
 * so a lean HTTP server (fault tests, benchmarks) serves exactly the same code.
 */
export function respondToDelivery(req: Request, integrationId: string, key: string): Promise<Response> {
  return runRoute(req, key, async () => {
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
