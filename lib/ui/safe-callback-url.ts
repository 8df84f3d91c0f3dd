/**
 * Where to go after signing in: a same-site path from the `callbackUrl` query parameter, or `/`.
 * Anything that could leave the site (`//host`, `/\host`, absolute URLs, schemes) gives `/`, and so
 * does a path with control characters or whitespace that browsers would strip.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f) return "/";
  }
  return value;
}
