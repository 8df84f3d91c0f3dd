/** The evidence explorer's query parameters, in the order its links write them. */
export const EVIDENCE_QUERY_KEYS = [
  "source",
  "systemId",
  "integrationId",
  "requirementId",
  "outcome",
  "from",
  "to",
  "cursor",
] as const;

export type EvidenceQuery = Partial<Record<(typeof EVIDENCE_QUERY_KEYS)[number], string>>;

/**
 * The explorer's filters from a page's search params: known keys only, the first value of each,
 * empty values left out (so a shared URL and the API's filters read the same).
 */
export function readEvidenceQuery(params: Record<string, string | string[] | undefined>): EvidenceQuery {
  const query: EvidenceQuery = {};
  for (const key of EVIDENCE_QUERY_KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) query[key] = value;
  }
  return query;
}
