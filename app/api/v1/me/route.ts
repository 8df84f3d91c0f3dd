import { handleRoute } from "@/lib/http/handle-route.ts";
import { listOrganizations } from "@/lib/orgs/list-organizations.ts";

export const dynamic = "force-dynamic";

/** The signed-in person and the organizations they belong to (with their role in each). */
export function GET(req: Request): Promise<Response> {
  return handleRoute(req, "GET /api/v1/me", async ({ prisma, user }) => ({
    user: { id: user.userId, email: user.email, name: user.name },
    organizations: await listOrganizations(prisma, user.userId),
  }));
}
