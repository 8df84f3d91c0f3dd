/**
 * The session cookie, named as next-auth names it so that its session endpoint and sign-out see the
 * same session. Behind https the `__Host-` prefix makes browsers refuse it unless it is `Secure`, has
 * `Path=/` and no `Domain`: a sibling subdomain or a plain-http page cannot set or overwrite it (no
 * cookie tossing, no planted session).
 */
export function sessionCookieName(appUrl: string): string {
  return appUrl.startsWith("https://") ? "__Host-next-auth.session-token" : "next-auth.session-token";
}
