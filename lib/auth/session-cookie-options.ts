import { sessionCookieName } from "./session-cookie-name.ts";

export interface SessionCookieOptions {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
}

/**
 * The one definition of the session cookie's flags, used by next-auth (SSO) and by Assay's own
 * password sign-in: `HttpOnly` (no script reads it), `SameSite=Lax` (not sent on cross-site
 * sub-requests or form posts), `Path=/`, and `Secure` with the `__Host-` prefix when the app URL is
 * https. Lax rather than Strict: a Strict cookie is not sent on the redirect back from the identity
 * provider or on a link from e-mail, so people would look signed out on their first page.
 */
export function sessionCookieOptions(appUrl: string): SessionCookieOptions {
  return {
    name: sessionCookieName(appUrl),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: appUrl.startsWith("https://") },
  };
}
