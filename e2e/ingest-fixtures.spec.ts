// Every shared evidence fixture, sent over HTTP to the running production server on PostgreSQL through
// its tool's real scheme (signed webhook to its integration's URL, or CI upload with an API token), then
// read back through the API once the in-process worker has written its findings and rule links.
// (Uploads with a CI OIDC token are covered in lib/ingest/ingest-fixtures.test.ts with a local JWKS.)
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { FIXTURE_CASES, signFixtureDelivery, type SigningMaterial } from "../lib/testing/evidence-fixture-cases.ts";
import { fixturePath } from "../lib/testing/fixture-path.ts";
import { FIXTURE_PASSWORD } from "./helpers.ts";

let api: APIRequestContext;
let uploadToken = "";
const integrations = new Map<string, SigningMaterial & { url: string }>();

test.beforeAll(async ({ playwright, baseURL }) => {
  api = await playwright.request.newContext({ baseURL: baseURL ?? "", extraHTTPHeaders: { origin: baseURL ?? "" } });
  const signIn = await api.post("/api/v1/session", { data: { email: "admin@acme.test", password: FIXTURE_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const token = await api.post("/api/v1/orgs/acme/tokens", {
    data: { name: `ci-${Date.now()}`, scopes: ["evidence:write"] },
  });
  expect(token.status()).toBe(201);
  uploadToken = ((await token.json()) as { token: string }).token;
});
test.afterAll(async () => api.dispose());

for (const c of FIXTURE_CASES.map((x) => (x.via === "oidc" ? { ...x, via: "upload" as const } : x))) {
  test(`${c.file} (${c.source}, ${c.via}) through the running server`, async ({ playwright, baseURL }) => {
    const raw = readFileSync(fixturePath(`evidence/${c.file}`));
    const sender = await playwright.request.newContext();
    let res;
    if (c.via === "webhook") {
      let integration = integrations.get(c.source);
      if (!integration) {
        const created = await api.post("/api/v1/orgs/acme/integrations", {
          data: { source: c.source, name: `e2e-fixtures-${c.source}-${Date.now()}` },
        });
        expect(created.status()).toBe(201);
        integration = (await created.json()) as SigningMaterial & { url: string };
        integrations.set(c.source, integration);
      }
      res = await sender.post(integration.url, { data: raw, headers: signFixtureDelivery(c, integration, raw) });
    } else {
      res = await sender.post(`${baseURL ?? ""}/api/v1/evidence?source=${c.source}`, {
        data: raw,
        headers: { "content-type": "application/json", ...c.headers, authorization: `Bearer ${uploadToken}` },
      });
    }
    expect(res.status(), await res.text()).toBe(202);
    const body = (await res.json()) as { evidenceId: string; requirements: string[]; findings: number };
    expect(body.findings).toBeGreaterThan(0);
    if (c.promises) expect(body.requirements).toContain(c.promises);
    else expect(body.requirements).toEqual([]);
    await sender.dispose();
    // The worker writes the findings and rule links shortly after.
    await expect
      .poll(
        async () => {
          const got = await api.get(`/api/v1/orgs/acme/evidence/${body.evidenceId}`);
          const evidence = (await got.json()) as { findingsTotal: number; links: { requirementId: string }[] };
          return {
            findings: evidence.findingsTotal,
            requirements: [...new Set(evidence.links.map((l) => l.requirementId))].sort(),
          };
        },
        { timeout: 20_000, intervals: [250, 500, 1_000] },
      )
      .toEqual({ findings: body.findings, requirements: body.requirements });
  });
}
