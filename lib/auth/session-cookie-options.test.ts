import { afterEach, describe, expect, it } from "vitest";
import { buildSessionCookie } from "./build-session-cookie.ts";
import { getAuthOptions } from "./get-auth-options.ts";
import { readSessionToken } from "./read-session-token.ts";
import { sessionCookieOptions } from "./session-cookie-options.ts";

const CONFIG_KEY = Symbol.for("assay.config");
const saved = { url: process.env.ASSAY_URL, secret: process.env.ASSAY_SECRET };
afterEach(() => {
  for (const [name, value] of [
    ["ASSAY_URL", saved.url],
    ["ASSAY_SECRET", saved.secret],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  delete (globalThis as Record<symbol, unknown>)[CONFIG_KEY];
});

describe("the session cookie's flags", () => {
  it("over http: HttpOnly, SameSite=Lax, Path=/, not Secure (browsers would drop it)", () => {
    expect(sessionCookieOptions("http://localhost:3000")).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });

  it("over https: Secure and the __Host- prefix (no Domain, so no sibling subdomain can set it)", () => {
    expect(sessionCookieOptions("https://assay.example")).toEqual({
      name: "__Host-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    const header = buildSessionCookie("https://assay.example", "tok", new Date("2026-11-24T20:00:00Z"));
    expect(header).toBe(
      "__Host-next-auth.session-token=tok; Path=/; HttpOnly; SameSite=Lax; Expires=Tue, 24 Nov 2026 20:00:00 GMT; Secure",
    );
    expect(header).not.toMatch(/Domain=/i);
  });

  it("only the cookie named for the app URL is read (a plain-http cookie does not count behind https)", () => {
    const req = new Request("https://assay.example/", {
      headers: { cookie: "next-auth.session-token=planted; __Host-next-auth.session-token=real" },
    });
    expect(readSessionToken(req, "https://assay.example")).toBe("real");
    expect(readSessionToken(req, "http://assay.example")).toBe("planted");
  });

  it("next-auth (SSO sign-in) sets the very same cookie", () => {
    process.env.ASSAY_URL = "https://assay.example";
    process.env.ASSAY_SECRET = "session-cookie-test-".padEnd(40, "x");
    delete (globalThis as Record<symbol, unknown>)[CONFIG_KEY];
    const options = getAuthOptions();
    expect(options.cookies?.sessionToken).toEqual(sessionCookieOptions("https://assay.example"));
    expect(options.session).toMatchObject({ strategy: "database" });
  });
});
