/**
 * Where to go after signing in: a same-site path from the `callbackUrl` query parameter, or `/`.
 * Anything that could leave the site (`//host`, `/\host`, absolute URLs, schemes) gives `/`.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
