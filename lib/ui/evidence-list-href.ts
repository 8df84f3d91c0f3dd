import { EVIDENCE_QUERY_KEYS, type EvidenceQuery } from "./evidence-query.ts";

/** The explorer's URL for these filters (and page cursor), so a view can be shared as a link. */
export function evidenceListHref(orgSlug: string, query: EvidenceQuery): string {
  const params = new URLSearchParams();
  for (const key of EVIDENCE_QUERY_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `/o/${encodeURIComponent(orgSlug)}/evidence${search ? `?${search}` : ""}`;
}
