import { sign } from "node:crypto";
import type { PrismaClient } from "../db/db-types.ts";
import { formatCheckpointNote } from "./format-checkpoint-note.ts";
import { getLogKey } from "./get-log-key.ts";
import { computeRoot } from "./merkle/compute-root.ts";
import { readLogLeafHashes } from "./read-log-leaf-hashes.ts";
import { toLogCheckpointView } from "./to-log-checkpoint-view.ts";

export interface LogCheckpointView {
  id: string;
  treeSize: string;
  rootHash: string;
  createdAt: string;
  note: string;
  signature: string;
  publicKey: string;
}

/**
 * Signs and stores a checkpoint of the organization's log at its current size (none when the latest
 * checkpoint already has that size, unless `force`), and returns the latest checkpoint. Run by the
 * worker every ten minutes and before an audit pack is written, so the pack's proofs have a root.
 */
export async function writeLogCheckpoint(
  prisma: PrismaClient,
  orgId: string,
  options: { now?: Date; force?: boolean } = {},
): Promise<LogCheckpointView> {
  const now = options.now ?? new Date();
  const key = await getLogKey(prisma, orgId);
  const [head, latest] = await Promise.all([
    prisma.logHead.findUnique({ where: { orgId } }),
    prisma.logCheckpoint.findFirst({ where: { orgId }, orderBy: [{ treeSize: "desc" }, { createdAt: "desc" }] }),
  ]);
  const size = head?.size ?? 0n;
  let row = latest;
  if (!latest || latest.treeSize !== size || options.force) {
    const { hashes, gapAt } = await readLogLeafHashes(prisma, orgId, size);
    if (gapAt !== null) throw new Error(`the log of ${orgId} has no leaf at position ${gapAt.toString()}`);
    const root = computeRoot(hashes);
    const note = formatCheckpointNote(orgId, size, root, now);
    row = await prisma.logCheckpoint.create({
      data: {
        orgId,
        treeSize: size,
        rootHash: root.toString("hex"),
        createdAt: now,
        note,
        signature: sign(null, Buffer.from(note, "utf8"), key.privateKey).toString("base64"),
      },
    });
  }
  if (!row) throw new Error("no checkpoint was written");
  return toLogCheckpointView(row, key.publicKeyPem);
}
