import { createHmac, randomUUID } from "node:crypto";
import type { SourceKind } from "../ingest/source-kinds.ts";
import { signStandardWebhook } from "./sign-standard-webhook.ts";

/**
 * Every shared evidence fixture with the way its tool delivers it (signed webhook, CI upload with an
 * API token, CI upload with an OIDC token) and a requirement the evidence rules promise for it. Used by
 * the in-process integration test and by the end-to-end test against the running server.
 */
export type Via = "webhook" | "upload" | "oidc";
export interface FixtureCase {
  file: string;
  source: SourceKind;
  via: Via;
  /** A requirement the source's rule promises for this sample, or null when it maps to none (info only). */
  promises: string | null;
  headers?: Record<string, string>;
}

const ZT = "zero-trust-ai:";
export const FIXTURE_CASES: FixtureCase[] = [
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

/** What an integration returns at creation, as far as signing needs it. */
export interface SigningMaterial {
  scheme: string;
  secret: string | null;
  token?: string;
}

/** The headers the fixture's sender adds: its scheme's signature or token over the raw bytes. */
export function signFixtureDelivery(c: FixtureCase, created: SigningMaterial, raw: Uint8Array): Record<string, string> {
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
