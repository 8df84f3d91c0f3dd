import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import type { CatalogNode } from "./catalog-schema.ts";

export interface CrosswalkEdge {
  mappingId: string;
  direction: "outgoing" | "incoming";
  /** The node at the other end (an id of another framework or of an external list like ISO/IEC 42001). */
  otherId: string;
  otherTitle: string | null;
  relationship: string;
  rationale: string;
}

export interface RequirementDetail {
  node: CatalogNode;
  frameworkId: string;
  /** Ancestors from the root down, for breadcrumbs. */
  path: { id: string; ref: string; title: string }[];
  children: { id: string; ref: string; title: string; kind: string }[];
  crosswalk: CrosswalkEdge[];
}

/** A catalog node with its breadcrumbs, children and crosswalk edges in both directions. */
export async function getRequirementDetail(prisma: PrismaClient, id: string): Promise<RequirementDetail> {
  const row = await prisma.requirement.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `No catalog node ${id}.`);
  const path: RequirementDetail["path"] = [];
  for (let p = row.parentId; p && path.length < 20;) {
    const parent = await prisma.requirement.findUnique({
      where: { id: p },
      select: { id: true, ref: true, title: true, parentId: true },
    });
    if (!parent) break;
    path.unshift({ id: parent.id, ref: parent.ref, title: parent.title });
    p = parent.parentId;
  }
  const children = await prisma.requirement.findMany({
    where: { parentId: id },
    orderBy: { position: "asc" },
    select: { id: true, ref: true, title: true, kind: true },
  });
  const edges = await prisma.catalogMapping.findMany({
    where: { OR: [{ fromId: id }, { toId: id }] },
    orderBy: [{ mappingId: "asc" }, { toId: "asc" }],
  });
  const otherIds = edges.map((e) => (e.fromId === id ? e.toId : e.fromId));
  const titles = new Map(
    (await prisma.requirement.findMany({ where: { id: { in: otherIds } }, select: { id: true, title: true } })).map(
      (r) => [r.id, r.title],
    ),
  );
  return {
    node: row.data as unknown as CatalogNode,
    frameworkId: row.frameworkId,
    path,
    children,
    crosswalk: edges.map((e) => {
      const outgoing = e.fromId === id;
      const otherId = outgoing ? e.toId : e.fromId;
      return {
        mappingId: e.mappingId,
        direction: outgoing ? "outgoing" : "incoming",
        otherId,
        otherTitle: titles.get(otherId) ?? (outgoing ? e.targetTitle : null),
        relationship: e.relationship,
        rationale: e.rationale,
      };
    }),
  };
}
