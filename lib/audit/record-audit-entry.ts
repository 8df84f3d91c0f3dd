import type { Actor } from "../auth/actor.ts";
import type { Db, Prisma } from "../db/db-types.ts";
import { appendLogLeaf } from "./append-log-leaf.ts";
import { toAuditLeafSource } from "./to-audit-leaf-source.ts";

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
 * Appends one audit entry and its leaf in the organization's tamper-evident log (entries without an
 * organization, such as sign-ins, are not in a log). Callers pass their transaction so that a change,
 * its entry and its leaf commit together or not at all.
 */
export async function recordAuditEntry(db: Db, input: AuditInput): Promise<void> {
  const entry = await db.auditEntry.create({
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
  if (entry.orgId === null) return;
  await appendLogLeaf(db, toAuditLeafSource(entry.orgId, entry));
}
