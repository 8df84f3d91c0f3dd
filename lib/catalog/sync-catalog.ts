import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import { Prisma } from "../db/generated/client.ts";
import type { PrismaClient } from "../db/db-types.ts";
import type { CatalogNode } from "./catalog-schema.ts";
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
      const units = [
        ...catalog.frameworks.map((fw) => ({
          id: fw.framework.id,
          file: fw.file,
          head: { title: fw.framework.title, version: fw.framework.version, kind: fw.framework.kind },
          reference: fw.reference ?? null,
          nodes: fw.nodes,
        })),
        ...catalog.externals.map((ext) => ({
          id: ext.system,
          file: ext.file,
          head: { title: ext.title, version: ext.version, kind: "external" },
          reference: null,
          nodes: ext.entries.map((e) => ({
            id: `${ext.system}:${e.id}`,
            parent: null,
            kind: "reference" as const,
            ref: e.id,
            title: e.title,
            summary: e.group ?? ext.title,
          })),
        })),
      ];
      for (const unit of units) {
        const digest = digestOf.get(unit.file) ?? "";
        const id = unit.id;
        if (existing.get(id) === digest) {
          unchanged.push(id);
          continue;
        }
        const reference = unit.reference === null ? Prisma.DbNull : (unit.reference as Prisma.InputJsonValue);
        const head = { ...unit.head, digest, reference, syncedAt: new Date() };
        await tx.framework.upsert({ where: { id }, create: { id, ...head }, update: head });
        const ids = unit.nodes.map((n) => n.id);
        await tx.requirement.deleteMany({ where: { frameworkId: id, id: { notIn: ids } } });
        for (const [position, node] of unit.nodes.entries()) {
          const full = node as Partial<CatalogNode> &
            Pick<CatalogNode, "id" | "parent" | "ref" | "title" | "summary"> & { kind: string };
          const row = {
            frameworkId: id,
            parentId: full.parent,
            position,
            kind: full.kind,
            ref: full.ref,
            title: full.title,
            summary: full.summary,
            roles: full.roles ?? [],
            scope: full.scope ?? [],
            conditions: full.conditions ?? [],
            appliesFromOriginal: toDate(full.appliesFromOriginal),
            appliesFrom: toDate(full.appliesFrom),
            data: full as unknown as Prisma.InputJsonValue,
          };
          await tx.requirement.upsert({ where: { id: full.id }, create: { id: full.id, ...row }, update: row });
        }
        requirements += unit.nodes.length;
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
