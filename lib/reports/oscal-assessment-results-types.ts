/**
 * The subset of the OSCAL 1.1.3 assessment-results model (oscal_assessment-results_schema.json) that
 * Assay's report export fills in. Field names are OSCAL's JSON names; optional fields are left out of the
 * document when empty, because OSCAL arrays must hold at least one item.
 */

export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}

export interface OscalLink {
  href: string;
  rel?: string;
  text?: string;
}

export interface OscalParty {
  uuid: string;
  type: "organization";
  name: string;
  props?: OscalProperty[];
}

export interface OscalMetadata {
  title: string;
  "last-modified": string;
  version: string;
  "oscal-version": string;
  props?: OscalProperty[];
  parties?: OscalParty[];
  remarks?: string;
}

export interface OscalSelectControlById {
  "control-id": string;
  "statement-ids"?: string[];
}

export interface OscalControlSelection {
  description?: string;
  props?: OscalProperty[];
  links?: OscalLink[];
  "include-controls"?: OscalSelectControlById[];
  remarks?: string;
}

export interface OscalReviewedControls {
  description?: string;
  "control-selections": OscalControlSelection[];
}

export interface OscalRelevantEvidence {
  href?: string;
  description: string;
  props?: OscalProperty[];
}

export type OscalObservationMethod = "TEST" | "EXAMINE";
export type OscalObservationType = "control-objective" | "historic";

export interface OscalObservation {
  uuid: string;
  title?: string;
  description: string;
  props?: OscalProperty[];
  methods: OscalObservationMethod[];
  types?: OscalObservationType[];
  "relevant-evidence"?: OscalRelevantEvidence[];
  collected: string;
  expires?: string;
  remarks?: string;
}

export type OscalObjectiveState = "satisfied" | "not-satisfied";
export type OscalObjectiveReason = "pass" | "fail" | "other";

export interface OscalFindingTarget {
  type: "statement-id" | "objective-id";
  "target-id": string;
  title?: string;
  props?: OscalProperty[];
  status: { state: OscalObjectiveState; reason?: OscalObjectiveReason; remarks?: string };
}

export interface OscalFinding {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  target: OscalFindingTarget;
  "related-observations"?: { "observation-uuid": string }[];
  remarks?: string;
}

export interface OscalResult {
  uuid: string;
  title: string;
  description: string;
  start: string;
  end?: string;
  props?: OscalProperty[];
  "reviewed-controls": OscalReviewedControls;
  observations?: OscalObservation[];
  findings?: OscalFinding[];
  remarks?: string;
}

export interface OscalBackMatterResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProperty[];
  remarks?: string;
}

export interface OscalAssessmentResults {
  uuid: string;
  metadata: OscalMetadata;
  "import-ap": { href: string; remarks?: string };
  results: [OscalResult];
  "back-matter": { resources: OscalBackMatterResource[] };
}

/** An OSCAL assessment-results document: `{ "assessment-results": ... }`. */
export interface OscalAssessmentResultsDocument {
  "assessment-results": OscalAssessmentResults;
}
