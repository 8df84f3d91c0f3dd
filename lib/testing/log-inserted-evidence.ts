import type { PrismaClient } from "../db/db-types.ts";
import { hashLeaf } from "../audit/merkle/hash-leaf.ts";
import { toLogLeafContent } from "../audit/to-log-leaf-content.ts";

/**
 * Test helper for bulk fixtures inserted with SQL: appends log leaves (as storeEvidence would have, one
 * by one) for the organization's evidence rows that have none, in bulk, in receipt order.
 */
export async function logInsertedEvidence(prisma: PrismaClient, orgId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ id: string; sha256: string; receivedAt: Date }[]>`
    SELECT e."id"::text AS id, e."sha256", e."receivedAt" FROM "Evidence" e
    WHERE e."orgId" = ${orgId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "LogLeaf" l WHERE l."orgId" = e."orgId" AND l."kind" = 'evidence' AND l."refId" = e."id"::text)
    ORDER BY e."receivedAt", e."id"`;
  await prisma.$transaction(async (tx) => {
    const [head] = await tx.$queryRaw<{ size: bigint }[]>`
      INSERT INTO "LogHead" ("orgId", "size") VALUES (${orgId}::uuid, ${rows.length})
      ON CONFLICT ("orgId") DO UPDATE SET "size" = "LogHead"."size" + ${rows.length}
      RETURNING "size"`;
    const start = (head?.size ?? 0n) - BigInt(rows.length);
    await tx.logLeaf.createMany({
      data: rows.map((r, i) => ({
        orgId,
        seq: start + BigInt(i),
        kind: "evidence",
        refId: r.id,
        leafHash: hashLeaf(
          toLogLeafContent({ kind: "evidence", orgId, evidenceId: r.id, sha256: r.sha256, receivedAt: r.receivedAt }),
        ).toString("hex"),
      })),
    });
  });
  return rows.length;
}
