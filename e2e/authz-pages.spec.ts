import { expect, test, type APIRequestContext } from "@playwright/test";
import { ROUTE_PERMISSIONS } from "../lib/auth/route-permissions.ts";

// The page half of the role matrix, generated from the same permission table as the API tests
// (lib/auth/route-permissions.test.ts): every page x every role, plus another organization's admin
// and an anonymous visitor, against the production build.
const PASSWORD = "correct-horse-battery-staple";
const roles = ["admin", "compliance", "ciso", "engineer"] as const;

async function signedIn(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  email: string,
) {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post("/api/v1/session", { data: { email, password: PASSWORD } });
  expect(res.status(), `sign in ${email}`).toBe(200);
  return ctx;
}

const pageKeys = Object.keys(ROUTE_PERMISSIONS).filter((k) =>
  k.startsWith("PAGE /o/"),
) as (keyof typeof ROUTE_PERMISSIONS)[];

test("every organization page answers each role as the permission table says", async ({ playwright, baseURL }) => {
  const base = baseURL ?? "";
  const admin = await signedIn(playwright, base, "admin@acme.test");
  const systems = (await (await admin.get("/api/v1/orgs/acme/systems")).json()) as { systems: { id: string }[] };
  const systemId = systems.systems[0]?.id ?? "";
  // An evidence row for the evidence page: a test delivery through an integration of acme.
  const integration = await admin.post("/api/v1/orgs/acme/integrations", {
    data: { source: "standard-webhooks", name: `authz-pages-${Date.now().toString(36)}` },
  });
  expect(integration.status(), "create an integration").toBe(201);
  const { id: integrationId } = (await integration.json()) as { id: string };
  const delivery = await admin.post(`/api/v1/orgs/acme/integrations/${integrationId}/test-delivery`, { data: {} });
  expect(delivery.status(), "send a test delivery").toBe(202);
  const { evidenceId } = (await delivery.json()) as { evidenceId: string };
  const pathOf = (key: string) =>
    key
      .slice("PAGE ".length)
      .replace("[org]", "acme")
      .replace("[systemId]", systemId)
      .replace("[evidenceId]", evidenceId)
      .replace("[frameworkId]", "eu-ai-act")
      .replace("[requirementId]", encodeURIComponent("eu-ai-act:art-26-1"));

  const anonymous = await playwright.request.newContext({ baseURL: base });
  const other = await signedIn(playwright, base, "admin@globex.test");
  const byRole = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await signedIn(playwright, base, `${r}@acme.test`)] as const)),
  );

  for (const key of pageKeys) {
    const access = ROUTE_PERMISSIONS[key];
    if (access.kind !== "org") continue;
    const path = pathOf(key);
    const anon = await anonymous.get(path, { maxRedirects: 0 });
    expect(anon.status(), `${key} anonymous`).toBe(307);
    expect(anon.headers()["location"], `${key} anonymous`).toContain("/signin");
    const foreign = await other.get(path, { maxRedirects: 0 });
    expect(foreign.status(), `${key} as globex admin`).toBe(404);
    expect(await foreign.text()).not.toContain("Support chatbot");
    for (const role of roles) {
      const res = await byRole[role]!.get(path, { maxRedirects: 0 });
      const allowed = (access.roles as readonly string[]).includes(role);
      const want = key === "PAGE /o/[org]" ? 307 : allowed ? 200 : 403;
      expect(res.status(), `${key} as ${role}`).toBe(want);
    }
  }
});
