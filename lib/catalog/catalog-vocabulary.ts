/**
 * The closed vocabularies of the catalogs (controls/). Kept apart from the zod schema so that the
 * applicability engine and the UI can import them without zod.
 */

/** Operator roles the EU AI Act names for AI systems (Art. 3(3)-(8)); GPAI model providers are `provider` with a GPAI scope. */
export const OPERATOR_ROLES = [
  "provider",
  "deployer",
  "importer",
  "distributor",
  "authorised-representative",
  "product-manufacturer",
] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** Which systems or models a requirement is about. */
export const SCOPES = ["any-ai-system", "high-risk-annex-iii", "high-risk-annex-i", "gpai", "gpai-systemic"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Facts about a system that narrow a requirement beyond role and scope (all listed conditions must hold):
 * - `interacts-with-persons`: intended to interact directly with natural persons (Art. 50(1));
 * - `generates-synthetic-content`: generates synthetic audio, image, video or text (Art. 50(2));
 * - `emotion-recognition-or-biometric-categorisation` (Art. 50(3));
 * - `deep-fake`: generates or manipulates deep fakes (Art. 50(4) first subparagraph);
 * - `public-interest-text`: publishes generated text to inform the public on matters of public interest (Art. 50(4) second subparagraph);
 * - `public-body-or-public-service`: deployer is a body governed by public law or a private entity providing public services (Art. 27);
 * - `credit-or-insurance`: Annex III point 5(b) or 5(c) use (Art. 27);
 * - `employer`: deployer is an employer putting the system into use at the workplace (Art. 26(7));
 * - `remote-biometric-identification`: post-remote biometric identification for law enforcement (Art. 26(10));
 * - `decisions-about-persons`: makes or assists decisions about natural persons (Art. 26(11), Art. 86);
 * - `financial-institution`: deployer or provider is a regulated financial institution (Art. 17(4), 26(5));
 * - `placed-on-market-before-application`: placed on the market or put into service before the relevant application date (Art. 111);
 * - `annex-iii-derogation`: an Annex III system its provider assessed as not high-risk under Art. 6(3) (Art. 6(4), 49(2)).
 */
export const CONDITIONS = [
  "interacts-with-persons",
  "generates-synthetic-content",
  "emotion-recognition-or-biometric-categorisation",
  "deep-fake",
  "public-interest-text",
  "public-body-or-public-service",
  "credit-or-insurance",
  "employer",
  "remote-biometric-identification",
  "decisions-about-persons",
  "financial-institution",
  "placed-on-market-before-application",
  "annex-iii-derogation",
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Zero Trust maturity stages of CISA ZTMM v2.0, lowest first. */
export const MATURITY_STAGES = ["traditional", "initial", "advanced", "optimal"] as const;
export type MaturityStage = (typeof MATURITY_STAGES)[number];

/** External identifier systems a node may cite. */
export const REFERENCE_SYSTEMS = [
  "owasp-llm-2025",
  "mitre-atlas",
  "nist-sp-800-207",
  "cisa-ztmm-2.0",
  "nist-ai-rmf-1.0",
  "iso-iec-42001-2023",
  "eu-ai-act",
] as const;
export type ReferenceSystem = (typeof REFERENCE_SYSTEMS)[number];

/** OSCAL mapping relationship types (OSCAL 1.1 mapping model). */
export const RELATIONSHIPS = ["equivalent-to", "equal-to", "subset-of", "superset-of", "intersects-with"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
