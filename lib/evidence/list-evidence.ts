import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { parseInput } from "../errors/parse-input.ts";
import { decodeEvidenceCursor } from "./decode-evidence-cursor.ts";
import { encodeEvidenceCursor } from "./encode-evidence-cursor.ts";
import { EVIDENCE_PAGE_DEFAULT, evidenceFilters } from "./evidence-filters.ts";
import { readIngestResult } from "./read-ingest-result.ts";
import { toEvidenceWhere } from "./to-evidence-where.ts";

export interface EvidenceListItem {
  id: string;
  receivedAt: string;
  effectiveAt: string | null;
  source: string;
  eventType: string;
  scheme: string;
  deliveryId: string | null;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  integration: { id: string; name: string } | null;
  system: { id: string; name: string } | null;
  findings: number;
  failing: number;
  requirements: string[];
}

export interface EvidencePage {
  evidence: EvidenceListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The organization's evidence, newest first, filtered (source, system, integration, requirement linked
 * and not unlinked, finding outcome, received time) and paged by keyset on (receivedAt desc, id desc):
 * pages never skip or repeat a row, however many arrive meanwhile. The bytes are never read here.
 */
export async function listEvidence(prisma: PrismaClient, ctx: OrgContext, query: unknown): Promise<EvidencePage> {
  const filters = parseInput(evidenceFilters, query ?? {}, "evidence query");
  const cursor = filters.cursor ? decodeEvidenceCursor(filters.cursor) : null;
  const limit = filters.limit ?? EVIDENCE_PAGE_DEFAULT;
  const rows = await prisma.evidence.findMany({
    where: toEvidenceWhere(ctx.org.id, filters, cursor),
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      receivedAt: true,
      effectiveAt: true,
      source: true,
      eventType: true,
      scheme: true,
      deliveryId: true,
      contentType: true,
      sizeBytes: true,
      sha256: true,
      integrationId: true,
      systemId: true,
      result: true,
    },
  });
  const page = rows.slice(0, limit);
  const ids = (key: "integrationId" | "systemId") => [...new Set(page.flatMap((r) => (r[key] ? [r[key]] : [])))];
  const [integrations, systems] = await Promise.all([
    prisma.integration.findMany({
      where: { orgId: ctx.org.id, id: { in: ids("integrationId") } },
      select: { id: true, name: true },
    }),
    prisma.aiSystem.findMany({
      where: { orgId: ctx.org.id, id: { in: ids("systemId") } },
      select: { id: true, name: true },
    }),
  ]);
  const integrationById = new Map(integrations.map((i) => [i.id, i]));
  const systemById = new Map(systems.map((s) => [s.id, s]));
  const last = page.at(-1);
  return {
    evidence: page.map((r) => {
      const result = readIngestResult(r.result);
      return {
        id: r.id,
        receivedAt: r.receivedAt.toISOString(),
        effectiveAt: r.effectiveAt?.toISOString() ?? null,
        source: r.source,
        eventType: r.eventType,
        scheme: r.scheme,
        deliveryId: r.deliveryId,
        contentType: r.contentType,
        sizeBytes: r.sizeBytes,
        sha256: r.sha256,
        integration: (r.integrationId && integrationById.get(r.integrationId)) || null,
        system: (r.systemId && systemById.get(r.systemId)) || null,
        findings: result.findings,
        failing: result.failing,
        requirements: result.requirements,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeEvidenceCursor({ receivedAt: last.receivedAt, id: last.id }) : null,
  };
}
