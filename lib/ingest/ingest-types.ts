import type { SourceKind } from "./source-kinds.ts";

/** The body of a 202 from either ingest endpoint (and of a redelivery, with `duplicate: true`). */
export interface IngestResponse {
  evidenceId: string;
  duplicate: boolean;
  findings: number;
  failing: number;
  /** Requirement ids the evidence's findings link to through the evidence rules. */
  requirements: string[];
}

/** What is stored with the evidence as its result (the response, and what did not map). */
export interface IngestResult {
  findings: number;
  failing: number;
  requirements: string[];
  /** Keys of findings no evidence rule matched (kept, shown as unmapped). */
  unmapped: string[];
}

/** One accepted delivery or upload, verified and parsed, ready to store. */
export interface EvidenceRecord {
  orgId: string;
  integrationId: string | null;
  apiTokenId: string | null;
  systemId: string | null;
  source: SourceKind;
  eventType: string;
  scheme: string;
  identity: string;
  deliveryId: string | null;
  dedupeKey: string;
  contentType: string;
  /** Descriptive request headers (keepDescriptiveHeaders), never credentials. */
  headers: Record<string, string>;
  raw: Uint8Array;
  sha256: string;
  receivedAt: Date;
  effectiveAt: Date | null;
  result: IngestResult;
}
