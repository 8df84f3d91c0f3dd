import { isHttpLink } from "./is-http-link.ts";

/**
 * The values that look like absolute http(s) URLs (see `isHttpLink`), as sent, without repeats and at
 * most `max` of them (all when absent). Nothing is parsed or rewritten; `normalizeHttpLinks` parses.
 */
export function keepHttpLinks(values: readonly unknown[], max = Infinity): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (out.length >= max) break;
    if (isHttpLink(value) && !out.includes(value)) out.push(value);
  }
  return out;
}
