import type { SourceAdapter } from "./source-adapter.ts";
import type { SourceKind } from "./source-kinds.ts";
import { standardWebhooksAdapter } from "./sources/standard-webhooks.ts";
import { mlflowAdapter } from "./sources/mlflow.ts";
import { huggingfaceAdapter } from "./sources/huggingface.ts";
import { sagemakerAdapter } from "./sources/sagemaker.ts";
import { azuremlAdapter } from "./sources/azureml.ts";
import { wandbAdapter } from "./sources/wandb.ts";
import { litellmAdapter } from "./sources/litellm.ts";
import { kongAdapter } from "./sources/kong.ts";
import { cloudflareAiGatewayAdapter } from "./sources/cloudflare-ai-gateway.ts";
import { portkeyAdapter } from "./sources/portkey.ts";
import { envoyAiGatewayAdapter } from "./sources/envoy-ai-gateway.ts";
import { garakAdapter } from "./sources/garak.ts";
import { promptfooAdapter } from "./sources/promptfoo.ts";
import { pyritAdapter } from "./sources/pyrit.ts";
import { modelscanAdapter } from "./sources/modelscan.ts";
import { trivyAdapter } from "./sources/trivy.ts";
import { sarifAdapter } from "./sources/sarif.ts";
import { grypeAdapter } from "./sources/grype.ts";
import { cyclonedxAdapter } from "./sources/cyclonedx.ts";
import { spdxAdapter } from "./sources/spdx.ts";
import { modelSigningAdapter } from "./sources/model-signing.ts";
import { slsaAdapter } from "./sources/slsa.ts";
import { githubAdapter } from "./sources/github.ts";
import { gitlabAdapter } from "./sources/gitlab.ts";

const ADAPTERS: Record<SourceKind, SourceAdapter> = {
  "standard-webhooks": standardWebhooksAdapter,
  mlflow: mlflowAdapter,
  huggingface: huggingfaceAdapter,
  sagemaker: sagemakerAdapter,
  azureml: azuremlAdapter,
  wandb: wandbAdapter,
  litellm: litellmAdapter,
  kong: kongAdapter,
  "cloudflare-ai-gateway": cloudflareAiGatewayAdapter,
  portkey: portkeyAdapter,
  "envoy-ai-gateway": envoyAiGatewayAdapter,
  garak: garakAdapter,
  promptfoo: promptfooAdapter,
  pyrit: pyritAdapter,
  modelscan: modelscanAdapter,
  trivy: trivyAdapter,
  sarif: sarifAdapter,
  grype: grypeAdapter,
  cyclonedx: cyclonedxAdapter,
  spdx: spdxAdapter,
  "model-signing": modelSigningAdapter,
  slsa: slsaAdapter,
  github: githubAdapter,
  gitlab: gitlabAdapter,
};

/** The pure parser for a source kind (one file per source under `lib/ingest/sources/`). */
export function getSourceAdapter(kind: SourceKind): SourceAdapter {
  return ADAPTERS[kind];
}
