import { sessionCookieOptions } from "./session-cookie-options.ts";

/**
 * The `Set-Cookie` value for the session cookie (the value is a base64url token, so it needs no
 * escaping). An empty value with an expiry in the past clears it.
 */
export function buildSessionCookie(appUrl: string, value: string, expires: Date): string {
  const { name, options } = sessionCookieOptions(appUrl);
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expires.toUTCString()}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
