import type { LogCheckpointView } from "./write-log-checkpoint.ts";

/** Pure: a stored checkpoint as the API and audit packs show it, with the key that verifies it. */
export function toLogCheckpointView(
  row: { id: string; treeSize: bigint; rootHash: string; createdAt: Date; note: string; signature: string },
  publicKey: string,
): LogCheckpointView {
  return {
    id: row.id,
    treeSize: row.treeSize.toString(),
    rootHash: row.rootHash,
    createdAt: row.createdAt.toISOString(),
    note: row.note,
    signature: row.signature,
    publicKey,
  };
}
