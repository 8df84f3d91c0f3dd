import type { Db } from "../db/db-types.ts";

/** A catalog node as the readiness pages need it: where it sits in its framework and how it is named. */
export interface ReadinessNode {
  id: string;
  frameworkId: string;
  parentId: string | null;
  kind: "group" | "requirement";
  ref: string;
  title: string;
}

/**
 * The nodes of the frameworks readiness is scored against (regulations and standards, not the external
 * crosswalk targets), in catalog order: to name requirements and to find what lies under a group.
 */
export async function listReadinessNodes(db: Db): Promise<ReadinessNode[]> {
  const rows = await db.requirement.findMany({
    where: { framework: { kind: { in: ["regulation", "standard"] } } },
    orderBy: [{ frameworkId: "asc" }, { position: "asc" }],
    select: { id: true, frameworkId: true, parentId: true, kind: true, ref: true, title: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind === "group" ? "group" : "requirement" }));
}
