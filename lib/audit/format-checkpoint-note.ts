/**
 * Pure: the text a checkpoint signs, in the C2SP tlog-checkpoint layout (origin, tree size, base64 root
 * hash, one per line) plus the time it was made as an extension line.
 */
export function formatCheckpointNote(orgId: string, treeSize: bigint, rootHash: Buffer, at: Date): string {
  return `assay.log/${orgId}\n${treeSize.toString()}\n${rootHash.toString("base64")}\ntime ${at.toISOString()}\n`;
}
