import { parseCookies } from "../http/parse-cookies.ts";
import { sessionCookieName } from "./session-cookie-name.ts";

/** The session cookie value a request presents, if any (only the cookie named for this app URL). */
export function readSessionToken(req: Request, appUrl: string): string | undefined {
  return parseCookies(req.headers.get("cookie")).get(sessionCookieName(appUrl));
}
