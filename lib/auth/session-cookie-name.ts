/**
 * The session cookie, named as next-auth names it so that its session endpoint and sign-out see the
 * same session. Behind https the `__Secure-` prefix makes browsers refuse it over plain http.
 */
export function sessionCookieName(appUrl: string): string {
  return appUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
