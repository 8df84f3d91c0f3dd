import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/get-auth-options.ts";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Permission-table keys "GET /api/auth/[...nextauth]" and "POST /api/auth/[...nextauth]": public
// (next-auth's own OIDC sign-in, callback, CSRF and sign-out endpoints, which check their own CSRF token).
async function auth(req: Request, ctx: Ctx): Promise<Response> {
  const handler = NextAuth(getAuthOptions()) as (req: Request, ctx: Ctx) => Promise<Response>;
  return handler(req, ctx);
}

export { auth as GET, auth as POST };
