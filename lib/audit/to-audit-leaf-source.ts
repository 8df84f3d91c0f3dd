import type { LogLeafSource } from "./log-leaf-source.ts";

/** Pure: an audit entry row as the log hashes it (the one mapping writer, verifier and proofs share). */
export function toAuditLeafSource(
  orgId: string,
  row: {
    id: bigint;
    createdAt: Date;
    action: string;
    actorType: string;
    actorId: string | null;
    targetType: string;
    targetId: string | null;
    data: unknown;
  },
): LogLeafSource {
  return {
    kind: "audit",
    orgId,
    entryId: row.id.toString(),
    createdAt: row.createdAt,
    action: row.action,
    actorType: row.actorType,
    actorId: row.actorId,
    targetType: row.targetType,
    targetId: row.targetId,
    data: row.data,
  };
}
