// Every shared evidence fixture, delivered through its source's real authentication scheme to the
// app's real route handlers on PostgreSQL, then mapped by the worker's job function: each is accepted
// with 202 and yields the findings and requirement links its rules promise.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { createIntegration, type CreatedIntegration } from "../integrations/create-integration.ts";
import { callRoute } from "../testing/call-route.ts";
import { FIXTURE_CASES, signFixtureDelivery, type FixtureCase } from "../testing/evidence-fixture-cases.ts";
import { fixturePath } from "../testing/fixture-path.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { TEST_APP_URL, useAppDatabase } from "../testing/use-app-database.ts";
import { materializeEvidence } from "./materialize-evidence.ts";
import type { IngestResponse } from "./ingest-types.ts";
import type { SourceKind } from "./source-kinds.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
const integrations = new Map<SourceKind, CreatedIntegration>();
let oidcToken = "";

async function deliver(c: FixtureCase): Promise<{ status: number; body: unknown }> {
  const raw = readFileSync(fixturePath(`evidence/${c.file}`));
  if (c.via === "webhook") {
    let created = integrations.get(c.source);
    if (!created) {
      created = await createIntegration(db.prisma, f.acme, { source: c.source, name: `fixtures-${c.source}` });
      integrations.set(c.source, created);
    }
    return callRoute({
      method: "POST",
      template: "/api/v1/ingest/[integrationId]",
      params: { integrationId: created.id },
      body: new Uint8Array(raw),
      headers: signFixtureDelivery(c, created, raw),
    });
  }
  const bearer = c.via === "oidc" ? oidcToken : (f.tokens["evidence:write"] ?? "");
  const res = await fetchUpload(c, raw, bearer);
  return res;
}

async function fetchUpload(c: FixtureCase, raw: Buffer, bearer: string) {
  const mod = await import("../../app/api/v1/evidence/route.ts");
  const req = new Request(`${TEST_APP_URL}/api/v1/evidence?source=${c.source}&system=${f.systems.acme}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...c.headers, authorization: `Bearer ${bearer}` },
    body: new Uint8Array(raw),
  });
  const response = await mod.POST(req);
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const dir = mkdtempSync(join(tmpdir(), "assay-jwks-"));
  writeFileSync(join(dir, "jwks.json"), JSON.stringify({ keys: [jwk] }));
  process.env.ASSAY_CI_OIDC_JWKS_FILE = join(dir, "jwks.json");
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  for (const source of ["garak", "slsa"] as const) {
    await createIntegration(db.prisma, f.acme, {
      source,
      scheme: "ci-oidc",
      allowedIdentities: ["octo-org/octo-repo"],
    });
  }
  const claims = (
    JSON.parse(readFileSync(fixturePath("evidence/github-actions-oidc-token.claims.json"), "utf8")) as {
      payload: Record<string, unknown>;
    }
  ).payload;
  const now = Math.floor(Date.now() / 1000);
  oidcToken = await new SignJWT({ ...claims, aud: TEST_APP_URL, iat: now, nbf: now, exp: now + 300 })
    .setProtectedHeader({ alg: "RS256", kid: "test-key" })
    .sign(privateKey);
});
afterAll(async () => {
  delete process.env.ASSAY_CI_OIDC_JWKS_FILE;
  await cleanup();
});

describe("every shared fixture through its real scheme", () => {
  it.each(FIXTURE_CASES)("$file ($source, $via) is accepted and mapped as its rules promise", async (c) => {
    const res = await deliver(c);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const body = res.body as IngestResponse;
    expect(body.duplicate).toBe(false);
    expect(body.findings).toBeGreaterThan(0);
    const evidence = await db.prisma.evidence.findUniqueOrThrow({ where: { id: body.evidenceId } });
    const raw = readFileSync(fixturePath(`evidence/${c.file}`));
    expect(evidence.sha256).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(Buffer.from(evidence.body).equals(raw)).toBe(true);
    expect(evidence.source).toBe(c.source);
    if (c.via === "oidc") expect(evidence.identity).toBe("oidc:github:octo-org/octo-repo@example-sha");
    const done = await materializeEvidence(db.prisma, body.evidenceId);
    expect(done.findings).toBe(body.findings);
    const links = await db.prisma.controlLink.findMany({ where: { evidenceId: body.evidenceId } });
    const linked = [...new Set(links.map((l) => l.requirementId))].sort();
    expect(linked).toEqual(body.requirements);
    if (c.promises) expect(body.requirements).toContain(c.promises);
    else expect(body.requirements).toEqual([]);
  });

  it("rejects an OIDC token from a repository no integration allows, and an expired one", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({
      repository: "octo-org/octo-repo",
      sha: "x",
      ref: "refs/heads/main",
      aud: TEST_APP_URL,
      iss: "https://token.actions.githubusercontent.com",
      sub: "repo:x",
    })
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setExpirationTime("5m")
      .sign(privateKey);
    const c: FixtureCase = { file: "garak-report.jsonl", source: "garak", via: "oidc", promises: null };
    const res = await fetchUpload(c, readFileSync(fixturePath("evidence/garak-report.jsonl")), forged);
    expect(res.status).toBe(401);
    const noToken = await fetchUpload(c, readFileSync(fixturePath("evidence/garak-report.jsonl")), "");
    expect(noToken.status).toBe(401);
  });
});
