/** True for text that looks like an absolute http(s) URL with no white space (checked as text, not parsed). */
export function isHttpLink(value: unknown): value is string {
  return typeof value === "string" && /^https?:\/\/\S+$/i.test(value);
}
