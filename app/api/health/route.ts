import { getHealth } from "@/lib/health/get-health.ts";
import { handleRoute } from "@/lib/http/handle-route.ts";

export const dynamic = "force-dynamic";

export function GET(req: Request): Promise<Response> {
  return handleRoute(req, "GET /api/health", async ({ prisma }) => {
    const health = await getHealth(prisma);
    return Response.json(health, {
      status: health.status === "ok" ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  });
}
