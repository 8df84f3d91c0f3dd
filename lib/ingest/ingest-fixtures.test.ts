// Every shared evidence fixture, delivered through its source's real authentication scheme to the
// app's real route handlers on PostgreSQL, then mapped by the worker's job function: each is accepted
// with 202 and yields the findings and requirement links its rules promise.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { createIntegration, type CreatedIntegration } from "../integrations/create-integration.ts";
import { callRoute } from "../testing/call-route.ts";
import { fixturePath } from "../testing/fixture-path.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { TEST_APP_URL, useAppDatabase } from "../testing/use-app-database.ts";
import { materializeEvidence } from "./materialize-evidence.ts";
import type { IngestResponse } from "./ingest-types.ts";
import type { SourceKind } from "./source-kinds.ts";

type Via = "webhook" | "upload" | "oidc";
interface Case {
  file: string;
  source: SourceKind;
  via: Via;
  /** A requirement the source's rule promises for this sample, or null when it maps to none (info only). */
  promises: string | null;
  headers?: Record<string, string>;
}

const ZT = "zero-trust-ai:";
const CASES: Case[] = [
  {
    file: "mlflow-model_version_created.json",
    source: "mlflow",
    via: "webhook",
    promises: `${ZT}devices.asset-supply-chain.ai-asset-inventory`,
  },
  { file: "mlflow-registered_model_created.json", source: "mlflow", via: "webhook", promises: "eu-ai-act:art-17-1" },
  { file: "mlflow-model_version_alias_created.json", source: "mlflow", via: "webhook", promises: "eu-ai-act:art-17-1" },
  {
    file: "hf-repo_content_update.json",
    source: "huggingface",
    via: "webhook",
    promises: `${ZT}devices.asset-supply-chain.ai-asset-inventory`,
  },
  { file: "hf-discussion_pr_created.json", source: "huggingface", via: "webhook", promises: null },
  {
    file: "sagemaker-model_package_state_change.json",
    source: "sagemaker",
    via: "webhook",
    promises: `${ZT}applications.secure-development-deployment.registry-promotion-gate`,
  },
  {
    file: "azureml-model_registered.cloudevents.json",
    source: "azureml",
    via: "webhook",
    promises: "eu-ai-act:art-17-1",
    headers: { "content-type": "application/cloudevents-batch+json" },
  },
  {
    file: "wandb-registry_automation_webhook.json",
    source: "wandb",
    via: "webhook",
    promises: `${ZT}devices.asset-supply-chain.ai-asset-inventory`,
  },
  { file: "litellm-standard_logging_payload.json", source: "litellm", via: "webhook", promises: "eu-ai-act:art-12-1" },
  {
    file: "litellm-spend_log.json",
    source: "litellm",
    via: "webhook",
    promises: `${ZT}networks.traffic-management.rate-budget-limits`,
  },
  {
    file: "litellm-guardrail_intervened.json",
    source: "litellm",
    via: "webhook",
    promises: `${ZT}applications.threat-protections.prompt-injection-guardrails`,
  },
  {
    file: "kong-ai-proxy-log-entry.json",
    source: "kong",
    via: "webhook",
    promises: `${ZT}identity.authentication.ai-gateway-workload-identity`,
  },
  { file: "kong-ai-mcp-audit-log-entry.json", source: "kong", via: "webhook", promises: "eu-ai-act:art-26-6" },
  {
    file: "cloudflare-ai-gateway-log.json",
    source: "cloudflare-ai-gateway",
    via: "webhook",
    promises: "eu-ai-act:art-12-1",
  },
  {
    file: "portkey-hook_results-blocked.json",
    source: "portkey",
    via: "webhook",
    promises: `${ZT}applications.threat-protections.prompt-injection-guardrails`,
  },
  {
    file: "envoy-ai-gateway-accesslog-ratelimited.json",
    source: "envoy-ai-gateway",
    via: "webhook",
    promises: `${ZT}networks.traffic-management.rate-budget-limits`,
  },
  {
    file: "github-workflow_run.completed.json",
    source: "github",
    via: "webhook",
    promises: `${ZT}applications.secure-development-deployment.ci-cd-pipeline`,
    headers: { "x-github-event": "workflow_run" },
  },
  {
    file: "gitlab-pipeline_hook.json",
    source: "gitlab",
    via: "webhook",
    promises: `${ZT}applications.secure-development-deployment.ci-cd-pipeline`,
    headers: { "x-gitlab-event": "Pipeline Hook" },
  },
  {
    file: "gitlab-vulnerability_hook.json",
    source: "gitlab",
    via: "webhook",
    promises: "eu-ai-act:art-15-5",
    headers: { "x-gitlab-event": "Vulnerability Hook" },
  },
  {
    file: "garak-report.jsonl",
    source: "garak",
    via: "oidc",
    promises: `${ZT}applications.security-testing.red-team-ci`,
    headers: { "content-type": "application/jsonl" },
  },
  {
    file: "garak-hitlog.jsonl",
    source: "garak",
    via: "upload",
    promises: "eu-ai-act:art-55-1-a",
    headers: { "content-type": "application/jsonl" },
  },
  {
    file: "promptfoo-redteam-results.json",
    source: "promptfoo",
    via: "upload",
    promises: `${ZT}applications.security-testing.red-team-ci`,
  },
  { file: "pyrit-conversation_export.json", source: "pyrit", via: "upload", promises: "eu-ai-act:art-15-5" },
  {
    file: "modelscan-report.json",
    source: "modelscan",
    via: "upload",
    promises: `${ZT}devices.asset-supply-chain.model-file-scanning`,
  },
  {
    file: "trivy-image.json",
    source: "trivy",
    via: "upload",
    promises: `${ZT}devices.policy-enforcement.verified-compliance`,
  },
  {
    file: "trivy.sarif",
    source: "sarif",
    via: "upload",
    promises: `${ZT}applications.security-testing.pre-deployment-testing`,
  },
  { file: "semgrep.sarif", source: "sarif", via: "upload", promises: "eu-ai-act:art-15-5" },
  { file: "grype-image.json", source: "grype", via: "upload", promises: `${ZT}tenet-5` },
  {
    file: "cyclonedx-mlbom.json",
    source: "cyclonedx",
    via: "upload",
    promises: `${ZT}devices.asset-supply-chain.ai-bom`,
  },
  {
    file: "spdx3-ai-package.jsonld",
    source: "spdx",
    via: "upload",
    promises: "eu-ai-act:art-53-1-a",
    headers: { "content-type": "application/ld+json" },
  },
  {
    file: "model-signing-bundle.sigstore.json",
    source: "model-signing",
    via: "upload",
    promises: `${ZT}applications.secure-development-deployment.model-signing`,
  },
  { file: "model-signing-statement-v1.json", source: "model-signing", via: "upload", promises: null },
  {
    file: "slsa-provenance-v1.intoto.json",
    source: "slsa",
    via: "oidc",
    promises: `${ZT}applications.secure-development-deployment.ci-cd-pipeline`,
  },
];

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
const integrations = new Map<SourceKind, CreatedIntegration>();
let oidcToken = "";

function signFor(c: Case, created: CreatedIntegration, raw: Buffer): Record<string, string> {
  const secret = created.secret ?? "";
  const base = { "content-type": "application/json", ...c.headers };
  switch (created.scheme) {
    case "mlflow-hmac": {
      const id = randomUUID();
      const ts = String(Math.floor(Date.now() / 1000));
      const sig = createHmac("sha256", secret).update(`${id}.${ts}.`).update(raw).digest("base64");
      return { ...base, "x-mlflow-delivery-id": id, "x-mlflow-timestamp": ts, "x-mlflow-signature": `v1,${sig}` };
    }
    case "github-hmac": {
      const sig = createHmac("sha256", secret).update(raw).digest("hex");
      return { ...base, "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${sig}` };
    }
    case "gitlab-token":
      return { ...base, "x-gitlab-token": secret, "idempotency-key": randomUUID() };
    case "huggingface-secret":
      return { ...base, "x-webhook-secret": secret };
    case "wandb-hmac":
      return {
        ...base,
        authorization: `Bearer ${created.token ?? ""}`,
        "x-wandb-signature": createHmac("sha256", secret).update(raw).digest("base64"),
      };
    case "standard-webhooks":
      return { ...signStandardWebhook(secret, raw), ...c.headers };
    default:
      return { ...base, authorization: `Bearer ${secret}` };
  }
}

async function deliver(c: Case): Promise<{ status: number; body: unknown }> {
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
      headers: signFor(c, created, raw),
    });
  }
  const bearer = c.via === "oidc" ? oidcToken : (f.tokens["evidence:write"] ?? "");
  const res = await fetchUpload(c, raw, bearer);
  return res;
}

async function fetchUpload(c: Case, raw: Buffer, bearer: string) {
  const mod = (await import("../../app/api/v1/evidence/route.ts"));
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
  it.each(CASES)("$file ($source, $via) is accepted and mapped as its rules promise", async (c) => {
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
    const c: Case = { file: "garak-report.jsonl", source: "garak", via: "oidc", promises: null };
    const res = await fetchUpload(c, readFileSync(fixturePath("evidence/garak-report.jsonl")), forged);
    expect(res.status).toBe(401);
    const noToken = await fetchUpload(c, readFileSync(fixturePath("evidence/garak-report.jsonl")), "");
    expect(noToken.status).toBe(401);
  });
});
