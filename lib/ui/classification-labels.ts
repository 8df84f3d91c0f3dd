/** Plain-language labels for the values the classification records (risk classes, GPAI, roles, scopes). */

export const RISK_CLASS_LABEL: Record<string, string> = {
  prohibited: "Prohibited practice (Art. 5)",
  "high-risk-annex-iii": "High-risk, Annex III use case (Art. 6(2))",
  "high-risk-annex-i": "High-risk, Annex I product (Art. 6(1))",
  limited: "Limited risk: transparency duties (Art. 50)",
  minimal: "Minimal risk",
};

/** Badge tone per risk class (see app/_styles/content.css). */
export const RISK_CLASS_TONE: Record<string, string> = {
  prohibited: "badge-danger",
  "high-risk-annex-iii": "badge-warning",
  "high-risk-annex-i": "badge-warning",
  limited: "badge-info",
  minimal: "badge-success",
};

export const GPAI_LABEL: Record<string, string> = {
  none: "No general-purpose AI model",
  gpai: "General-purpose AI model (Art. 53)",
  "gpai-systemic": "General-purpose AI model with systemic risk (Art. 51, 55)",
};

export const SCOPE_LABEL: Record<string, string> = {
  "any-ai-system": "any AI system",
  "high-risk-annex-iii": "high-risk (Annex III)",
  "high-risk-annex-i": "high-risk (Annex I)",
  gpai: "GPAI model",
  "gpai-systemic": "GPAI model with systemic risk",
};

export const OPERATOR_ROLE_LABEL: Record<string, string> = {
  provider: "Provider",
  deployer: "Deployer",
  importer: "Importer",
  distributor: "Distributor",
  "authorised-representative": "Authorised representative",
  "product-manufacturer": "Product manufacturer",
};

/** The label for a value, or the value itself when there is none. */
export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}

/** The facts that narrow a requirement (lib/catalog/catalog-vocabulary.ts CONDITIONS), in plain words. */
export const CONDITION_LABEL: Record<string, string> = {
  "interacts-with-persons": "interacts directly with people (Art. 50(1))",
  "generates-synthetic-content": "generates synthetic audio, image, video or text (Art. 50(2))",
  "emotion-recognition-or-biometric-categorisation": "emotion recognition or biometric categorisation (Art. 50(3))",
  "deep-fake": "generates or manipulates deep fakes (Art. 50(4))",
  "public-interest-text": "publishes generated text on matters of public interest (Art. 50(4))",
  "public-body-or-public-service": "deployer is a public body or provides a public service (Art. 27)",
  "credit-or-insurance": "credit scoring or life and health insurance pricing, Annex III 5(b) or 5(c) (Art. 27)",
  employer: "deployer uses it at the workplace as an employer (Art. 26(7))",
  "remote-biometric-identification": "post-remote biometric identification for law enforcement (Art. 26(10))",
  "decisions-about-persons": "makes or assists decisions about people (Art. 26(11), Art. 86)",
  "financial-institution": "a regulated financial institution (Art. 17(4), Art. 26(5))",
  "placed-on-market-before-application": "placed on the market before the application date (Art. 111)",
  "annex-iii-derogation": "Annex III system assessed as not high-risk under Art. 6(3) (Art. 6(4), 49(2))",
};

export const REFERENCE_SYSTEM_LABEL: Record<string, string> = {
  "owasp-llm-2025": "OWASP Top 10 for LLM Applications 2025",
  "mitre-atlas": "MITRE ATLAS",
  "nist-sp-800-207": "NIST SP 800-207",
  "cisa-ztmm-2.0": "CISA Zero Trust Maturity Model 2.0",
  "nist-ai-rmf-1.0": "NIST AI RMF 1.0",
  "iso-iec-42001-2023": "ISO/IEC 42001:2023",
  "eu-ai-act": "EU AI Act",
};
