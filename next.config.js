// @ts-check
import { buildSecurityHeaders } from "./lib/http/build-security-headers.ts";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages stay outside the bundle; PGlite also must never be opened at build time
  // (lib/db/get-database.ts opens it lazily, on the first request).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "pino",
    "@prisma/get-dmmf",
  ],
  experimental: {
    // forbidden() gives pages a real 403 (lib/auth/require-page-access.ts).
    authInterrupts: true,
  },
  typescript: { ignoreBuildErrors: false },
  // Headers fixed at build time, so nothing here depends on ASSAY_URL: proxy.ts gives pages their
  // nonce-based CSP and HSTS per request, lib/http/run-route.ts gives API answers theirs; these rules
  // cover what neither sees (static files, next-auth's endpoints, unknown /api paths).
  async headers() {
    const other = buildSecurityHeaders(null);
    return [
      { source: "/:path*", headers: other.filter((h) => h.key !== "content-security-policy") },
      { source: "/api/:path*", headers: other },
    ];
  },
};

export default nextConfig;
