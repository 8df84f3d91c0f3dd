/**
 * The values that parse as absolute http(s) URLs without credentials (no `user:password@`), in their
 * normalized form (`URL.href`, e.g. `https://example.com/`), without repeats. Values longer than 2000
 * characters are dropped. `keepHttpLinks` keeps values as sent instead.
 */
export function normalizeHttpLinks(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (typeof value !== "string" || value.length > 2000) continue;
    const url = URL.parse(value);
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) continue;
    if (!out.includes(url.href)) out.push(url.href);
  }
  return out;
}
