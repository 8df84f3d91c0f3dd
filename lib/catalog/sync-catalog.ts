import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { Prisma, PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import type { Catalog, CatalogProblem } from "./catalog-types.ts";

export interface CatalogSyncResult {
  /** Frameworks written because their file changed (or was new). */
  updated: string[];
  /** Frameworks whose file was unchanged: nothing written. */
  unchanged: string[];
  requirements: number;
  mappingEdges: number;
}

const toDate = (d: string | undefined): Date | null => (d ? new Date(`${d}T00:00:00Z`) : null);

/**
 * Writes the checked catalog into the database by stable id, idempotently: a framework whose file
 * digest is unchanged is skipped; a changed one is rewritten (nodes upserted by id, nodes no longer
 * in the file deleted); crosswalk edges are replaced as a whole when any mapping file changed. All in
 * one transaction with its audit entry. Refuses a catalog with problems.
 */
export async function syncCatalog(
  prisma: PrismaClient,
  catalog: Catalog,
  problems: CatalogProblem[] = [],
): Promise<CatalogSyncResult> {
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      `The catalog has ${problems.length} problem(s); run \`assay catalog check\`.`,
      problems.map((p) => ({ field: `${p.file}${p.node ? `#${p.node}` : ""}`, message: p.message })),
    );
  }
  const digestOf = new Map(catalog.digests.map((d) => [d.path, d.sha256]));
  const mappingDigest = catalog.mappings
    .map((m) => digestOf.get(m.file) ?? "")
    .sort()
    .join(",");
  return prisma.$transaction(
    async (tx) => {
      const existing = new Map(
        (await tx.framework.findMany({ select: { id: true, digest: true } })).map((f) => [f.id, f.digest]),
      );
      const updated: string[] = [];
      const unchanged: string[] = [];
      let requirements = 0;
      for (const fw of catalog.frameworks) {
        const digest = digestOf.get(fw.file) ?? "";
        const id = fw.framework.id;
        if (existing.get(id) === digest) {
          unchanged.push(id);
          continue;
        }
        const head = {
          title: fw.framework.title,
          version: fw.framework.version,
          kind: fw.framework.kind,
          digest,
          syncedAt: new Date(),
        };
        await tx.framework.upsert({ where: { id }, create: { id, ...head }, update: head });
        const ids = fw.nodes.map((n) => n.id);
        await tx.requirement.deleteMany({ where: { frameworkId: id, id: { notIn: ids } } });
        for (const [position, node] of fw.nodes.entries()) {
          const row = {
            frameworkId: id,
            parentId: node.parent,
            position,
            kind: node.kind,
            ref: node.ref,
            title: node.title,
            summary: node.summary,
            roles: node.roles ?? [],
            scope: node.scope ?? [],
            conditions: node.conditions ?? [],
            appliesFromOriginal: toDate(node.appliesFromOriginal),
            appliesFrom: toDate(node.appliesFrom),
            data: node as unknown as Prisma.InputJsonValue,
          };
          await tx.requirement.upsert({ where: { id: node.id }, create: { id: node.id, ...row }, update: row });
        }
        requirements += fw.nodes.length;
        updated.push(id);
      }
      const mappingMarker = await tx.catalogState.findUnique({ where: { key: "mappings" }, select: { digest: true } });
      let mappingEdges = 0;
      if (mappingMarker?.digest !== mappingDigest) {
        await tx.catalogMapping.deleteMany({});
        const rows = catalog.mappings.flatMap((m) =>
          m.edges.map((e) => ({
            mappingId: m.mapping.id,
            fromId: e.from,
            toId: e.to,
            relationship: e.relationship,
            rationale: e.rationale,
            targetTitle: e.targetTitle ?? null,
          })),
        );
        if (rows.length > 0) await tx.catalogMapping.createMany({ data: rows });
        mappingEdges = rows.length;
        const state = { digest: mappingDigest, syncedAt: new Date() };
        await tx.catalogState.upsert({
          where: { key: "mappings" },
          create: { key: "mappings", ...state },
          update: state,
        });
      }
      if (updated.length > 0 || mappingEdges > 0) {
        await recordAuditEntry(tx, {
          orgId: null,
          actor: { kind: "system" },
          action: "catalog.sync",
          targetType: "catalog",
          data: { updated, mappingEdges, digests: catalog.digests },
        });
      }
      return { updated, unchanged, requirements, mappingEdges };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
