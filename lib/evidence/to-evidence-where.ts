import type { Prisma } from "../db/db-types.ts";
import type { EvidenceCursor } from "./encode-evidence-cursor.ts";
import type { EvidenceFilters } from "./evidence-filters.ts";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The Prisma filter for the evidence list: always bound to the organization, then each filter, then
 * the keyset position (rows strictly after the cursor in receivedAt desc, id desc order).
 */
export function toEvidenceWhere(
  orgId: string,
  filters: EvidenceFilters,
  cursor: EvidenceCursor | null,
): Prisma.EvidenceWhereInput {
  const and: Prisma.EvidenceWhereInput[] = [];
  if (filters.from)
    and.push({
      receivedAt: { gte: new Date(DATE_ONLY.test(filters.from) ? `${filters.from}T00:00:00Z` : filters.from) },
    });
  if (filters.to) {
    and.push(
      DATE_ONLY.test(filters.to)
        ? { receivedAt: { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS) } }
        : { receivedAt: { lte: new Date(filters.to) } },
    );
  }
  if (filters.requirementId) {
    and.push({ links: { some: { orgId, requirementId: filters.requirementId, removedAt: null } } });
  }
  if (filters.outcome === "fail") {
    // Findings are written by the worker a moment after the delivery; the stored result counts them at once.
    and.push({ OR: [{ findings: { some: { outcome: "fail" } } }, { result: { path: ["failing"], gt: 0 } }] });
  } else if (filters.outcome) {
    and.push({ findings: { some: { outcome: filters.outcome } } });
  }
  if (cursor) {
    and.push({
      OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { lt: cursor.id } }],
    });
  }
  return {
    orgId,
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.systemId ? { systemId: filters.systemId } : {}),
    ...(filters.integrationId ? { integrationId: filters.integrationId } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
}
