import type { FindingCheck } from "./finding-checks.ts";
import type { SourceKind } from "./source-kinds.ts";

/** What a finding can be about. */
export const SUBJECT_KINDS = [
  "model",
  "model-version",
  "dataset",
  "container-image",
  "repository",
  "pipeline",
  "gateway",
  "endpoint",
  "package",
  "other",
] as const;

/** What a finding is about. */
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * One normalized result extracted from a piece of evidence. Evidence rules (controls/rules/) match on
 * `source`, `check`, `outcome`, `severity` and `attributes`; people read `title` and `detail`.
 */
export interface NormalizedFinding {
  /** Unique within its evidence and stable across re-parses, e.g. `probe=dan.Dan_11_0/detector=dan.DAN`. */
  key: string;
  /**
   * What the finding is about: a model (and version), an artifact by digest, a repository at a commit,
   * an image, a gateway route... `name` is what people call it (`fraud-model`, `org/repo`, `alpine:3.10`).
   */
  subject: { kind: SubjectKind; name: string; version?: string; digest?: string; revision?: string };
  /** What was checked, from the shared vocabulary in `finding-checks.ts` (outcome semantics there). */
  check: FindingCheck;
  outcome: "pass" | "fail" | "info" | "error";
  severity: "critical" | "high" | "medium" | "low" | "info" | null;
  title: string;
  detail?: string;
  /** When the checked thing was observed (ISO 8601), if the payload says; else null. */
  observedAt: string | null;
  /** Links back to the tool (run page, model page, advisory), absolute http(s) URLs only. */
  links: string[];
  /** Source-specific facts rules may use (ids, scores, counts, rule ids, CVE ids, model names). */
  attributes: Record<string, string | number | boolean | null>;
}

/** What an adapter extracts from the raw bytes of one delivery or upload. */
export interface ParsedEvidence {
  /** The sender's event or document type, e.g. `model_version.created`, `garak.report`, `sarif`. */
  eventType: string;
  /** A delivery or document id stated in the body, when the sender puts one there (headers are read by the verifier). */
  deliveryId: string | null;
  /** When the sender says the event happened or the report was produced (ISO 8601), if it says. */
  effectiveAt: string | null;
  findings: NormalizedFinding[];
}

/**
 * A pure parser for one source kind: raw bytes (already authenticated) in, normalized evidence out.
 * It throws `AppError("validation_failed", …)` naming the problem when the bytes are not that source's
 * format (the ingest endpoint answers 422), and never anything else. It tolerates what real senders do:
 * batches and arrays, JSON-encoded strings inside JSON, unknown extra fields, new event types (kept as
 * `info` findings, never rejected).
 */
export interface SourceAdapter {
  kind: SourceKind;
  /** Media types the adapter accepts; the first is what the tool normally sends. */
  contentTypes: readonly string[];
  parse(raw: Uint8Array, headers: Headers): ParsedEvidence;
}
