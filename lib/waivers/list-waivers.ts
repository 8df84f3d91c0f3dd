import type { OrgContext } from "../auth/actor.ts";
import type { Db } from "../db/db-types.ts";
import type { WaiverSummary } from "./waiver-summary.ts";

/** The organization's waivers, newest first, optionally for one requirement; state as of `now`. */
export async function listWaivers(
  db: Db,
  ctx: OrgContext,
  options: { requirementId?: string | undefined; now?: Date } = {},
): Promise<WaiverSummary[]> {
  const now = options.now ?? new Date();
  const rows = await db.waiver.findMany({
    where: { orgId: ctx.org.id, ...(options.requirementId ? { requirementId: options.requirementId } : {}) },
    include: {
      approver: { select: { email: true } },
      recordedBy: { select: { email: true } },
      system: { select: { name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  const requirements = await db.requirement.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.requirementId))] } },
    select: { id: true, ref: true, title: true },
  });
  const byId = new Map(requirements.map((r) => [r.id, r]));
  return rows.map((w) => ({
    id: w.id,
    requirementId: w.requirementId,
    requirementRef: byId.get(w.requirementId)?.ref ?? null,
    requirementTitle: byId.get(w.requirementId)?.title ?? null,
    systemId: w.systemId,
    systemName: w.system?.name ?? null,
    reason: w.reason,
    compensatingControl: w.compensatingControl,
    approver: w.approver.email,
    recordedBy: w.recordedBy?.email ?? null,
    createdAt: w.createdAt.toISOString(),
    expiresAt: w.expiresAt.toISOString(),
    revokedAt: w.revokedAt?.toISOString() ?? null,
    state: w.revokedAt && w.revokedAt <= now ? "revoked" : w.expiresAt <= now ? "expired" : "active",
  }));
}
