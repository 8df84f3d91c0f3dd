import { appendLogLeaves } from "../audit/append-log-leaves.ts";
import type { PrismaClient } from "../db/db-types.ts";

/**
 * Test helper for bulk fixtures inserted with SQL: appends log leaves (as storeEvidence would have) for
 * the organization's evidence rows that have none, in one transaction, in receipt order.
 */
export async function logInsertedEvidence(prisma: PrismaClient, orgId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ id: string; sha256: string; receivedAt: Date }[]>`
    SELECT e."id"::text AS id, e."sha256", e."receivedAt" FROM "Evidence" e
    WHERE e."orgId" = ${orgId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "LogLeaf" l WHERE l."orgId" = e."orgId" AND l."kind" = 'evidence' AND l."refId" = e."id"::text)
    ORDER BY e."receivedAt", e."id"`;
  await prisma.$transaction((tx) =>
    appendLogLeaves(
      tx,
      rows.map((r) => ({
        kind: "evidence" as const,
        orgId,
        evidenceId: r.id,
        sha256: r.sha256,
        receivedAt: r.receivedAt,
      })),
    ),
  );
  return rows.length;
}
