export interface SecurityHeader {
  /** Lower-case, so that a later source of the same header replaces it instead of adding a second one. */
  key: string;
  value: string;
}

export interface SecurityHeaderOptions {
  /**
   * For a page (an HTML document): this request's CSP nonce, which Next.js puts on its own inline
   * and bundle scripts. Without it the headers are those of every other response (API, files).
   */
  nonce?: string;
  /** `next dev`: React's dev tooling needs `eval` and the dev overlay injects styles without a nonce. */
  dev?: boolean;
}

/** Browser features Assay never uses, switched off for the page and anything it embeds. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
].join(", ");

function pagePolicy(nonce: string, https: boolean, dev: boolean): string[] {
  return [
    "default-src 'self'",
    // 'strict-dynamic': only scripts carrying this response's nonce run, and what they load. No
    // 'unsafe-inline' for scripts: an injected <script> or on*= handler never runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style="" attributes stay allowed, because React writes them
    // (recharts positions every chart element with one, the report progress bar sets its width).
    `style-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
    `style-src-elem 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
}

/** API responses and files: nothing in them may run, load anything, or be framed. */
const OTHER_POLICY = ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"];

/**
 * The security headers of a response, for the app served at `appUrl` (null when it is not known, as
 * in next.config.js at build time: then no HSTS). Pages get a nonce-based Content-Security-Policy
 * (set per request by proxy.ts); API responses and files get one that allows nothing. HSTS only when
 * the app URL is https. The referrer policy keeps the origin on same-origin requests: with
 * `no-referrer` browsers send `Origin: null` on POSTs, which the CSRF check must refuse.
 */
export function buildSecurityHeaders(appUrl: string | null, options: SecurityHeaderOptions = {}): SecurityHeader[] {
  const https = appUrl?.startsWith("https://") ?? false;
  const csp = options.nonce ? pagePolicy(options.nonce, https, options.dev ?? false) : OTHER_POLICY;
  return [
    { key: "content-security-policy", value: csp.join("; ") },
    { key: "x-content-type-options", value: "nosniff" },
    { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
    { key: "x-frame-options", value: "DENY" },
    { key: "permissions-policy", value: PERMISSIONS_POLICY },
    { key: "cross-origin-opener-policy", value: "same-origin" },
    ...(https ? [{ key: "strict-transport-security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
