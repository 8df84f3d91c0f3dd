import type { EvidenceRule } from "../catalog/rule-schema.ts";
import { mapFindings } from "../mapping/map-findings.ts";
import { getSourceAdapter } from "./get-source-adapter.ts";
import type { IngestResult } from "./ingest-types.ts";
import type { ParsedEvidence } from "./source-adapter.ts";
import type { SourceKind } from "./source-kinds.ts";

export interface AnalyzedEvidence {
  parsed: ParsedEvidence;
  links: ReturnType<typeof mapFindings>["links"];
  result: IngestResult;
}

/**
 * Pure: parses raw bytes with the source's adapter and maps the findings through the evidence rules.
 * The ingest endpoints call it to answer, and the worker calls it again on the stored bytes to write
 * findings and links, so both always agree.
 */
export function analyzeEvidence(
  source: SourceKind,
  raw: Uint8Array,
  headers: Headers,
  rules: readonly EvidenceRule[],
  receivedAt: Date,
): AnalyzedEvidence {
  const parsed = getSourceAdapter(source).parse(raw, headers);
  const mapping = mapFindings(source, parsed.findings, rules, receivedAt);
  const requirements = [...new Set(mapping.links.map((l) => l.requirementId))].sort();
  return {
    parsed,
    links: mapping.links,
    result: {
      findings: parsed.findings.length,
      failing: parsed.findings.filter((f) => f.outcome === "fail").length,
      requirements,
      unmapped: mapping.unmapped,
    },
  };
}
