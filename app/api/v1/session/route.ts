import { buildSessionCookie } from "@/lib/auth/build-session-cookie.ts";
import { readSessionToken } from "@/lib/auth/read-session-token.ts";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password.ts";
import { signOut } from "@/lib/auth/sign-out.ts";
import { getConfig } from "@/lib/config/get-config.ts";
import { handleRoute } from "@/lib/http/handle-route.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";

export const dynamic = "force-dynamic";

/** Password sign-in: opens a new session (deleting any presented one) and sets the cookie. */
export function POST(req: Request): Promise<Response> {
  return handleRoute(req, "POST /api/v1/session", async ({ prisma }) => {
    const config = getConfig();
    const presented = readSessionToken(req, config.url);
    const session = await signInWithPassword(prisma, await readJsonBody(req), config, presented);
    return Response.json(
      { userId: session.userId, expires: session.expires.toISOString() },
      {
        headers: {
          "set-cookie": buildSessionCookie(config.url, session.token, session.expires),
          "cache-control": "no-store",
        },
      },
    );
  });
}

/** Sign-out: deletes the session row and clears the cookie. */
export function DELETE(req: Request): Promise<Response> {
  return handleRoute(req, "DELETE /api/v1/session", async ({ prisma }) => {
    const { url } = getConfig();
    await signOut(prisma, readSessionToken(req, url));
    return new Response(null, { status: 204, headers: { "set-cookie": buildSessionCookie(url, "", new Date(0)) } });
  });
}
