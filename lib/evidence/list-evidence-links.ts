import type { Db } from "../db/db-types.ts";

export interface EvidenceLink {
  id: string;
  requirementId: string;
  /** The catalog node, when it is (still) in the catalog. */
  requirement: { ref: string; title: string; kind: string } | null;
  findingKey: string | null;
  /** The evidence rule that made the link; null when a person linked it by hand. */
  ruleId: string | null;
  outcome: string;
  justification: string | null;
  createdAt: string;
  createdBy: { id: string; email: string; name: string | null } | null;
  expiresAt: string | null;
  removedAt: string | null;
  removedBy: { id: string; email: string; name: string | null } | null;
  /** Why it was unlinked, from the audit entry. */
  removedReason: string | null;
}

/** Every link of one piece of evidence (active and unlinked), with requirement titles and who did what. */
export async function listEvidenceLinks(db: Db, orgId: string, evidenceId: string): Promise<EvidenceLink[]> {
  const links = await db.controlLink.findMany({
    where: { orgId, evidenceId },
    orderBy: [{ createdAt: "asc" }, { requirementId: "asc" }, { id: "asc" }],
  });
  const userIds = [...new Set(links.flatMap((l) => [l.createdById, l.removedById]).filter((id) => id !== null))];
  const removedIds = links.filter((l) => l.removedAt).map((l) => l.id);
  const [requirements, users, unlinks] = await Promise.all([
    db.requirement.findMany({
      where: { id: { in: [...new Set(links.map((l) => l.requirementId))] } },
      select: { id: true, ref: true, title: true, kind: true },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } }),
    removedIds.length === 0
      ? Promise.resolve([])
      : db.auditEntry.findMany({
          where: { orgId, action: "evidence.unlink", targetType: "control_link", targetId: { in: removedIds } },
          orderBy: { id: "desc" },
          select: { targetId: true, data: true },
        }),
  ]);
  const requirementById = new Map(requirements.map((r) => [r.id, r]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const reasonById = new Map<string, string>();
  for (const entry of unlinks) {
    const reason = (entry.data as { reason?: unknown } | null)?.reason;
    if (entry.targetId && typeof reason === "string" && !reasonById.has(entry.targetId))
      reasonById.set(entry.targetId, reason);
  }
  const person = (id: string | null) => (id ? (userById.get(id) ?? null) : null);
  return links.map((l) => {
    const requirement = requirementById.get(l.requirementId);
    return {
      id: l.id,
      requirementId: l.requirementId,
      requirement: requirement ? { ref: requirement.ref, title: requirement.title, kind: requirement.kind } : null,
      findingKey: l.findingKey,
      ruleId: l.ruleId,
      outcome: l.outcome,
      justification: l.justification,
      createdAt: l.createdAt.toISOString(),
      createdBy: person(l.createdById),
      expiresAt: l.expiresAt?.toISOString() ?? null,
      removedAt: l.removedAt?.toISOString() ?? null,
      removedBy: person(l.removedById),
      removedReason: reasonById.get(l.id) ?? null,
    };
  });
}
