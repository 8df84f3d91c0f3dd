import type { SourceKind } from "../ingest/source-kinds.ts";

/**
 * How each source proves authenticity, and what secret material Assay issues for it:
 * - `hmac-whsec`: a Standard Webhooks `whsec_` secret (sealed; HMAC needs the key itself);
 * - `hmac-raw`: a raw HMAC secret the sender's UI asks for (sealed);
 * - `token`: a token the sender repeats in a header (kept only as SHA-256);
 * - `hmac+token`: W&B sends a bearer access token and an HMAC signature: both are issued;
 * - `none`: no secret; identity comes from a CI OIDC token and the allowed repositories/projects.
 */
export const SCHEMES = {
  "standard-webhooks": { material: "hmac-whsec", header: "webhook-signature (Standard Webhooks)" },
  "mlflow-hmac": { material: "hmac-raw", header: "X-MLflow-Signature" },
  "github-hmac": { material: "hmac-raw", header: "X-Hub-Signature-256" },
  "gitlab-token": { material: "token", header: "X-Gitlab-Token" },
  "huggingface-secret": { material: "token", header: "X-Webhook-Secret" },
  "wandb-hmac": { material: "hmac+token", header: "Authorization: Bearer + X-Wandb-Signature" },
  "bearer-token": { material: "token", header: "Authorization: Bearer" },
  "event-grid": { material: "token", header: "Authorization: Bearer (after the Event Grid handshake)" },
  "ci-oidc": { material: "none", header: "Authorization: Bearer <GitHub Actions / GitLab CI OIDC token>" },
} as const;

export type IntegrationScheme = keyof typeof SCHEMES;
export const SCHEME_NAMES = Object.keys(SCHEMES) as IntegrationScheme[];

/** The scheme a source uses unless the integration is created for CI OIDC uploads. */
export const DEFAULT_SCHEME: Record<SourceKind, IntegrationScheme> = {
  "standard-webhooks": "standard-webhooks",
  mlflow: "mlflow-hmac",
  huggingface: "huggingface-secret",
  sagemaker: "bearer-token",
  azureml: "event-grid",
  wandb: "wandb-hmac",
  litellm: "bearer-token",
  kong: "bearer-token",
  "cloudflare-ai-gateway": "bearer-token",
  portkey: "bearer-token",
  "envoy-ai-gateway": "bearer-token",
  garak: "bearer-token",
  promptfoo: "bearer-token",
  pyrit: "bearer-token",
  modelscan: "bearer-token",
  trivy: "bearer-token",
  sarif: "bearer-token",
  grype: "bearer-token",
  cyclonedx: "bearer-token",
  spdx: "bearer-token",
  "model-signing": "bearer-token",
  slsa: "bearer-token",
  github: "github-hmac",
  gitlab: "gitlab-token",
};
