import type { EvidenceItem, EvidenceRef } from "./scoring-types.ts";

/** How an explanation cites one evidence item (ISO times, no Date objects: snapshots are JSON). */
export function toEvidenceRef(item: EvidenceItem): EvidenceRef {
  return {
    evidenceId: item.evidenceId,
    linkId: item.linkId,
    source: item.source,
    sha256: item.sha256,
    observedAt: item.observedAt.toISOString(),
    expiresAt: item.expiresAt?.toISOString() ?? null,
    findingKey: item.findingKey,
    outcome: item.outcome,
    ruleId: item.ruleId,
    justification: item.justification,
  };
}
