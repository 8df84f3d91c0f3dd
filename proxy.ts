import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "./lib/config/get-config.ts";
import { buildSecurityHeaders } from "./lib/http/build-security-headers.ts";

/**
 * Security headers for pages, per request: a fresh CSP nonce (Next.js reads it from the request's
 * Content-Security-Policy and puts it on its scripts) and HSTS from the run-time ASSAY_URL. It does
 * no authorization: every page and handler checks its own access. API routes are left out on
 * purpose (Next.js would buffer and cap their bodies for a proxy; lib/http/run-route.ts sets their
 * headers), and so are the build's static files.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = randomBytes(16).toString("base64");
  const headers = buildSecurityHeaders(getConfig().url, { nonce, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  for (const { key, value } of headers) {
    if (key === "content-security-policy") requestHeaders.set(key, value);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/).*)"],
};
