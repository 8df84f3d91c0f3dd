import type { PrismaClient } from "../db/db-types.ts";
import { parseCookies } from "../http/parse-cookies.ts";
import { readSessionToken } from "./read-session-token.ts";
import { signOut } from "./sign-out.ts";

/** next-auth's OAuth check cookies (`__Secure-` prefixed behind https). */
const SSO_FLOW_COOKIE = /^(__Secure-)?next-auth\.(pkce\.code_verifier|state)$/;

/**
 * Session rotation for single sign-on, run before next-auth handles `/api/auth/callback/*`.
 * next-auth 4 keeps a session the browser presents at the OIDC callback (and links a new SSO
 * account to its user) instead of opening a new one. This deletes the presented session first, so
 * next-auth always opens a fresh session and never links into one planted in the browser. It acts only on a callback that carries next-auth's
 * PKCE or state cookie, i.e. a sign-in this browser started: a callback URL forced on someone from
 * another site cannot sign them out. Returns whether a session was ended.
 */
export async function endSessionBeforeSsoCallback(
  prisma: PrismaClient,
  req: Request,
  appUrl: string,
): Promise<boolean> {
  const token = readSessionToken(req, appUrl);
  if (!token) return false;
  const cookieNames = [...parseCookies(req.headers.get("cookie")).keys()];
  if (!cookieNames.some((name) => SSO_FLOW_COOKIE.test(name))) return false;
  await signOut(prisma, token);
  return true;
}
