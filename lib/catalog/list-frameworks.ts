import type { PrismaClient } from "../db/db-types.ts";

export interface FrameworkSummary {
  id: string;
  title: string;
  version: string;
  kind: string;
  requirements: number;
  nodes: number;
  syncedAt: string;
}

/** The synced frameworks with their node and assessable-requirement counts. */
export async function listFrameworks(prisma: PrismaClient): Promise<FrameworkSummary[]> {
  const frameworks = await prisma.framework.findMany({ orderBy: { id: "asc" } });
  const counts = await prisma.requirement.groupBy({ by: ["frameworkId", "kind"], _count: { _all: true } });
  return frameworks.map((f) => {
    const mine = counts.filter((c) => c.frameworkId === f.id);
    return {
      id: f.id,
      title: f.title,
      version: f.version,
      kind: f.kind,
      requirements: mine.find((c) => c.kind === "requirement")?._count._all ?? 0,
      nodes: mine.reduce((n, c) => n + c._count._all, 0),
      syncedAt: f.syncedAt.toISOString(),
    };
  });
}
