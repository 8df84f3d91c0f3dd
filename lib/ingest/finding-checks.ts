/**
 * The shared vocabulary of what a finding checked. Adapters map each tool's results onto one of these;
 * evidence rules (controls/rules/) match on them. Outcome semantics, the same for every check:
 * `pass` = the evidence shows the control operating (a clean scan, a guardrail that ran, a signed
 * artifact, a rate limit enforced); `fail` = it shows a gap (a vulnerability, a successful attack, a
 * failed pipeline); `info` = context that proves nothing by itself (including event types an adapter
 * does not know, which are kept and reported as unmapped); `error` = the tool could not decide.
 */
export const FINDING_CHECKS = {
  "registry-event": "A model or model version was registered, changed, aliased or deleted in a model registry",
  "model-approval": "A model version's approval or stage decision (approved passes, rejected fails, pending is info)",
  "model-card": "A model's documentation (model card, ML-BOM model card) is present and names its data and limits",
  "pipeline-run": "A CI pipeline or workflow run finished (success passes, failure fails)",
  vulnerability: "A known vulnerability (CVE/GHSA) in a package, image or model dependency, or a clean scan",
  "code-scan": "A static-analysis result (SARIF rule hit) or a clean scan",
  "model-scan": "A model-file scan (unsafe deserialisation, embedded code) result or a clean scan",
  "red-team":
    "An adversarial test (jailbreak, prompt injection, harmful content, leakage) and whether the model resisted",
  guardrail: "A runtime guardrail evaluated a request or response (ran: pass; failed to run: fail)",
  "request-log": "A gateway or proxy logged one model request with its caller, model and outcome",
  "rate-limit": "A gateway enforced a rate or budget limit (a 429 or a budget block)",
  authentication: "A request or upload was tied to an identified, non-human caller (key, consumer, workload identity)",
  spend: "Token or cost accounting for model usage",
  signature: "A model or artifact signature bundle (what was signed, by whom, over which digests)",
  provenance: "Build provenance for an artifact (builder, source repository and commit, digests)",
  sbom: "A software or AI bill of materials listing components, models and datasets",
  event: "Any other event from a source, kept as context",
} as const;

export type FindingCheck = keyof typeof FINDING_CHECKS;
export const FINDING_CHECK_NAMES = Object.keys(FINDING_CHECKS) as FindingCheck[];
