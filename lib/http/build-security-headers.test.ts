import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { config as proxyConfig, proxy } from "../../proxy.ts";
import { AppError } from "../errors/app-error.ts";
import { buildSecurityHeaders, type SecurityHeader } from "./build-security-headers.ts";
import { runRoute } from "./run-route.ts";

const NONCE = "bm9uY2Utbm9uY2Utbm9uY2U=";

function header(headers: SecurityHeader[], key: string): string | undefined {
  return headers.find((h) => h.key === key)?.value;
}

/** A CSP as directive name -> source list. */
function directives(csp: string | null | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe("buildSecurityHeaders for a page", () => {
  const page = buildSecurityHeaders("http://localhost:3000", { nonce: NONCE });
  const csp = directives(header(page, "content-security-policy"));

  it("has a strict, nonce-based Content-Security-Policy", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    for (const directive of ["script-src", "style-src", "style-src-elem"]) {
      expect(csp.get(directive), directive).not.toContain("'unsafe-inline'");
      expect(csp.get(directive), directive).not.toContain("'unsafe-eval'");
    }
    expect(csp.get("style-src-elem")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    // React style="" attributes (recharts, the progress bar) are the one inline allowance.
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("sends nosniff, a referrer policy that keeps Origin on POSTs, no framing and a minimal Permissions-Policy", () => {
    expect(header(page, "x-content-type-options")).toBe("nosniff");
    expect(header(page, "referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(header(page, "x-frame-options")).toBe("DENY");
    expect(header(page, "cross-origin-opener-policy")).toBe("same-origin");
    const permissions = header(page, "permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(permissions.split(", ")).toContain(`${feature}=()`);
    }
  });

  it("sends HSTS (and upgrades insecure requests) only when the app URL is https", () => {
    expect(header(page, "strict-transport-security")).toBeUndefined();
    const https = buildSecurityHeaders("https://assay.example", { nonce: NONCE });
    const hsts = header(https, "strict-transport-security") ?? "";
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain("includeSubDomains");
    expect(directives(header(https, "content-security-policy")).has("upgrade-insecure-requests")).toBe(true);
    expect(header(buildSecurityHeaders(null), "strict-transport-security")).toBeUndefined();
  });

  it("relaxes scripts with 'unsafe-eval' only for next dev", () => {
    const dev = directives(header(buildSecurityHeaders(null, { nonce: NONCE, dev: true }), "content-security-policy"));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
  });
});

describe("buildSecurityHeaders for API answers and files", () => {
  it("allows nothing to run, load or frame", () => {
    const csp = directives(header(buildSecurityHeaders("https://assay.example"), "content-security-policy"));
    expect(Object.fromEntries(csp)).toEqual({
      "default-src": ["'none'"],
      "frame-ancestors": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
  });
});

describe("where the headers are applied", () => {
  const CONFIG_KEY = Symbol.for("assay.config");
  const savedUrl = process.env.ASSAY_URL;
  afterEach(() => {
    if (savedUrl === undefined) delete process.env.ASSAY_URL;
    else process.env.ASSAY_URL = savedUrl;
    delete (globalThis as Record<symbol, unknown>)[CONFIG_KEY];
  });

  it("next.config.js: every path gets the fixed headers, /api also its CSP; nothing there depends on ASSAY_URL", async () => {
    const path = "../../next.config.js";
    const nextConfig = ((await import(/* @vite-ignore */ path)) as { default: NextConfig }).default;
    const rules = (await nextConfig.headers?.()) ?? [];
    const all = rules.find((r) => r.source === "/:path*")?.headers ?? [];
    const api = rules.find((r) => r.source === "/api/:path*")?.headers ?? [];
    expect(all).toEqual(buildSecurityHeaders(null).filter((h) => h.key !== "content-security-policy"));
    expect(api).toEqual(buildSecurityHeaders(null));
    expect([...all, ...api].some((h) => h.key === "strict-transport-security")).toBe(false);
  });

  it("proxy.ts: pages get a fresh nonce per request, in the response and in the request Next.js renders", () => {
    process.env.ASSAY_URL = "https://assay.example";
    delete (globalThis as Record<symbol, unknown>)[CONFIG_KEY];
    const first = proxy(new NextRequest("https://assay.example/o/acme/dashboard"));
    const second = proxy(new NextRequest("https://assay.example/o/acme/dashboard"));
    const csp = first.headers.get("content-security-policy");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];
    expect(nonce?.length).toBeGreaterThanOrEqual(24);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next({ request: { headers } }) hands the CSP to the render, which reads the nonce.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("proxy.ts runs for pages, never for API routes (their bodies must reach the handler unbuffered)", () => {
    const [matcher] = proxyConfig.matcher;
    const re = new RegExp(`^${matcher ?? ""}$`);
    for (const path of ["/", "/signin", "/o/acme/dashboard", "/icon.svg", "/no-such-page"]) {
      expect(re.test(path), path).toBe(true);
    }
    for (const path of ["/api/v1/ingest/x", "/api/auth/session", "/_next/static/chunks/a.js"]) {
      expect(re.test(path), path).toBe(false);
    }
  });

  it("runRoute: every API answer, errors included, carries the API headers (HSTS behind https)", async () => {
    process.env.ASSAY_URL = "https://assay.example";
    delete (globalThis as Record<symbol, unknown>)[CONFIG_KEY];
    const req = new Request("https://assay.example/api/v1/x");
    const ok = await runRoute(req, "GET /x", () => Promise.resolve({ ok: true }));
    const failed = await runRoute(req, "GET /x", () => Promise.reject(new AppError("not_found", "No.")));
    const own = await runRoute(req, "GET /x", () =>
      Promise.resolve(new Response("x", { headers: { "x-frame-options": "SAMEORIGIN" } })),
    );
    for (const res of [ok, failed]) {
      for (const { key, value } of buildSecurityHeaders("https://assay.example")) {
        expect(res.headers.get(key), `${res.status} ${key}`).toBe(value);
      }
    }
    expect(own.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
