import NextAuth from "next-auth";
import { endSessionBeforeSsoCallback } from "@/lib/auth/end-session-before-sso-callback.ts";
import { getAuthOptions } from "@/lib/auth/get-auth-options.ts";
import { getConfig } from "@/lib/config/get-config.ts";
import { getDatabase } from "@/lib/db/get-database.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Permission-table keys "GET /api/auth/[...nextauth]" and "POST /api/auth/[...nextauth]": public
// (next-auth's own OIDC sign-in, callback, CSRF and sign-out endpoints, which check their own CSRF token).
async function auth(req: Request, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  // Rotation at SSO sign-in: the callback always opens a new session.
  if (nextauth[0] === "callback") {
    await endSessionBeforeSsoCallback((await getDatabase()).prisma, req, getConfig().url);
  }
  const handler = NextAuth(getAuthOptions()) as (req: Request, ctx: Ctx) => Promise<Response>;
  return handler(req, ctx);
}

export { auth as GET, auth as POST };
