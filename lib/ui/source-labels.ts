import type { SourceKind } from "../ingest/source-kinds.ts";

/** How each source kind is named on the pages, and the group it is listed under in the create form. */
export const SOURCE_LABELS: Record<SourceKind, { label: string; group: string }> = {
  "standard-webhooks": { label: "Standard Webhooks (any tool)", group: "Generic" },
  mlflow: { label: "MLflow", group: "Model registries" },
  huggingface: { label: "Hugging Face Hub", group: "Model registries" },
  sagemaker: { label: "Amazon SageMaker (EventBridge)", group: "Model registries" },
  azureml: { label: "Azure Machine Learning (Event Grid)", group: "Model registries" },
  wandb: { label: "Weights & Biases", group: "Model registries" },
  litellm: { label: "LiteLLM", group: "AI gateways" },
  kong: { label: "Kong AI Gateway", group: "AI gateways" },
  "cloudflare-ai-gateway": { label: "Cloudflare AI Gateway", group: "AI gateways" },
  portkey: { label: "Portkey", group: "AI gateways" },
  "envoy-ai-gateway": { label: "Envoy AI Gateway", group: "AI gateways" },
  garak: { label: "garak", group: "Red teaming" },
  promptfoo: { label: "promptfoo", group: "Red teaming" },
  pyrit: { label: "PyRIT", group: "Red teaming" },
  modelscan: { label: "ModelScan", group: "Scanners" },
  trivy: { label: "Trivy", group: "Scanners" },
  sarif: { label: "SARIF (any static analyser)", group: "Scanners" },
  grype: { label: "Grype", group: "Scanners" },
  cyclonedx: { label: "CycloneDX (SBOM / ML-BOM)", group: "Supply chain" },
  spdx: { label: "SPDX 3 (AI and dataset profiles)", group: "Supply chain" },
  "model-signing": { label: "OpenSSF model signing", group: "Supply chain" },
  slsa: { label: "SLSA provenance", group: "Supply chain" },
  github: { label: "GitHub", group: "CI and code hosting" },
  gitlab: { label: "GitLab", group: "CI and code hosting" },
};

/** A source kind's display name; an unknown kind is shown as it is. */
export function sourceLabel(source: string): string {
  return (SOURCE_LABELS as Record<string, { label: string } | undefined>)[source]?.label ?? source;
}
