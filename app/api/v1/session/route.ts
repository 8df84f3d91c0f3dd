import { getConfig } from "@/lib/config/get-config.ts";
import { sessionCookieName } from "@/lib/auth/session-cookie-name.ts";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password.ts";
import { signOut } from "@/lib/auth/sign-out.ts";
import { handleRoute } from "@/lib/http/handle-route.ts";
import { parseCookies } from "@/lib/http/parse-cookies.ts";
import { readJsonBody } from "@/lib/http/read-json-body.ts";

export const dynamic = "force-dynamic";

function sessionCookie(value: string, expires: Date): string {
  const config = getConfig();
  const secure = config.url.startsWith("https://") ? "; Secure" : "";
  return `${sessionCookieName(config.url)}=${value}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure}`;
}

/** Password sign-in: opens a new session (rotating any presented one) and sets the cookie. */
export function POST(req: Request): Promise<Response> {
  return handleRoute(req, "POST /api/v1/session", async ({ prisma }) => {
    const config = getConfig();
    const presented = parseCookies(req.headers.get("cookie")).get(sessionCookieName(config.url));
    const session = await signInWithPassword(prisma, await readJsonBody(req), config, presented);
    return Response.json(
      { userId: session.userId, expires: session.expires.toISOString() },
      { headers: { "set-cookie": sessionCookie(session.token, session.expires), "cache-control": "no-store" } },
    );
  });
}

/** Sign-out: deletes the session row and clears the cookie. */
export function DELETE(req: Request): Promise<Response> {
  return handleRoute(req, "DELETE /api/v1/session", async ({ prisma }) => {
    await signOut(prisma, parseCookies(req.headers.get("cookie")).get(sessionCookieName(getConfig().url)));
    return new Response(null, { status: 204, headers: { "set-cookie": sessionCookie("", new Date(0)) } });
  });
}
