import type { OrgContext } from "../auth/actor.ts";
import type { Db } from "../db/db-types.ts";
import type { ReadinessSummary } from "../scoring/summarize-readiness.ts";

export interface TrendPoint {
  snapshotId: string;
  asOf: string;
  trigger: string;
  summary: ReadinessSummary;
}

/** Stored snapshots of the last `days` days (default 90), oldest first, summaries only: the trend lines. */
export async function listReadinessTrend(
  db: Db,
  ctx: OrgContext,
  days = 90,
  now: Date = new Date(),
): Promise<TrendPoint[]> {
  const rows = await db.readinessSnapshot.findMany({
    where: { orgId: ctx.org.id, asOf: { gte: new Date(now.getTime() - days * 86_400_000) } },
    orderBy: { asOf: "asc" },
    select: { id: true, asOf: true, trigger: true, summary: true },
    take: 2000,
  });
  return rows.map((r) => ({
    snapshotId: r.id,
    asOf: r.asOf.toISOString(),
    trigger: r.trigger,
    summary: r.summary as unknown as ReadinessSummary,
  }));
}
