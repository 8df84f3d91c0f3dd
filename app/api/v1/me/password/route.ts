import { buildSessionCookie } from "@/lib/auth/build-session-cookie.ts";
import { changePassword } from "@/lib/auth/change-password.ts";
import { getConfig } from "@/lib/config/get-config.ts";
import { handleRoute } from "@/lib/http/handle-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";

export const dynamic = "force-dynamic";

/**
 * Body `{ currentPassword, newPassword }`: changes the signed-in person's own password. Every session
 * of that person ends (all devices); the caller gets a fresh one in the cookie.
 */
export function PUT(req: Request): Promise<Response> {
  return handleRoute(req, "PUT /api/v1/me/password", async ({ prisma, user }) => {
    const config = getConfig();
    const session = await changePassword(prisma, user, await readJsonBody(req), config);
    return Response.json(
      { revokedSessions: session.revokedSessions, expires: session.expires.toISOString() },
      {
        headers: {
          "set-cookie": buildSessionCookie(config.url, session.token, session.expires),
          "cache-control": "no-store",
        },
      },
    );
  });
}
