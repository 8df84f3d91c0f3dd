import type { Actor } from "../auth/actor.ts";
import type { Db, Prisma } from "../db/db-types.ts";

export interface AuditInput {
  orgId: string | null;
  actor: Actor | { kind: "system" };
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
}

function actorIdOf(actor: AuditInput["actor"]): string | null {
  if (actor.kind === "user") return actor.userId;
  if (actor.kind === "token") return actor.tokenId;
  return null;
}

/**
 * Appends one audit entry. Callers pass their transaction so that a change and its entry commit
 * together or not at all. (The hash-chained, Merkle-proven log builds on these rows.)
 */
export async function recordAuditEntry(db: Db, input: AuditInput): Promise<void> {
  await db.auditEntry.create({
    data: {
      orgId: input.orgId,
      actorType: input.actor.kind,
      actorId: actorIdOf(input.actor),
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      data: input.data ?? {},
    },
  });
}
