import type { Db } from "../db/db-types.ts";

const PAGE = 20_000;

/**
 * The organization's leaf hashes in log order, positions 0 to size - 1, read a page at a time. A gap
 * in the positions is reported, not skipped (it would mean a deleted leaf).
 */
export async function readLogLeafHashes(
  prisma: Db,
  orgId: string,
  size: bigint,
): Promise<{ hashes: Buffer[]; gapAt: bigint | null }> {
  const hashes: Buffer[] = [];
  for (let from = 0n; from < size; from += BigInt(PAGE)) {
    const rows = await prisma.logLeaf.findMany({
      where: { orgId, seq: { gte: from, lt: from + BigInt(PAGE) < size ? from + BigInt(PAGE) : size } },
      orderBy: { seq: "asc" },
      select: { seq: true, leafHash: true },
    });
    for (const row of rows) {
      if (row.seq !== BigInt(hashes.length)) return { hashes, gapAt: BigInt(hashes.length) };
      hashes.push(Buffer.from(row.leafHash, "hex"));
    }
  }
  return { hashes, gapAt: BigInt(hashes.length) === size ? null : BigInt(hashes.length) };
}
