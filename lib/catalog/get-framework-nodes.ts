import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import type { CatalogNode } from "./catalog-schema.ts";

export interface FrameworkNodes {
  framework: { id: string; title: string; version: string; kind: string };
  /** In catalog order; parents before children. Filtered by `query` when given (matches keep their ancestors). */
  nodes: (CatalogNode & { depth: number; match: boolean })[];
  total: number;
}

/**
 * One framework's nodes as a tree in catalog order, with each node's depth. A search query (case-
 * insensitive, over id, reference, title and summary) keeps matching nodes and their ancestors.
 */
export async function getFrameworkNodes(
  prisma: PrismaClient,
  frameworkId: string,
  query = "",
): Promise<FrameworkNodes> {
  const framework = await prisma.framework.findUnique({
    where: { id: frameworkId },
    select: { id: true, title: true, version: true, kind: true },
  });
  if (!framework) throw new AppError("not_found", `No framework ${frameworkId}.`);
  const rows = await prisma.requirement.findMany({
    where: { frameworkId },
    orderBy: { position: "asc" },
    select: { data: true },
  });
  const nodes = rows.map((r) => r.data as unknown as CatalogNode);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depthOf = (n: CatalogNode): number => {
    let depth = 0;
    for (let p = n.parent; p && depth < 20; p = byId.get(p)?.parent ?? null) depth++;
    return depth;
  };
  const q = query.trim().toLowerCase();
  const matches = new Set(
    nodes
      .filter((n) => !q || [n.id, n.ref, n.title, n.summary].some((t) => t.toLowerCase().includes(q)))
      .map((n) => n.id),
  );
  const keep = new Set<string>();
  for (const id of matches)
    for (let p: string | null = id; p && !keep.has(p); p = byId.get(p)?.parent ?? null) keep.add(p);
  return {
    framework,
    nodes: nodes
      .filter((n) => keep.has(n.id))
      .map((n) => ({ ...n, depth: depthOf(n), match: Boolean(q) && matches.has(n.id) })),
    total: nodes.length,
  };
}
