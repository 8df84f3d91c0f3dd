import type { Db } from "../db/db-types.ts";
import type { LogLeafSource } from "./log-leaf-source.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";
import { toLogLeafContent } from "./to-log-leaf-content.ts";

const refIdOf = (s: LogLeafSource) => (s.kind === "evidence" ? s.evidenceId : s.entryId);

/**
 * Appends leaves to their organizations' logs inside the writer's transaction, so the rows and their
 * leaves commit together or not at all. Each organization's log head row is locked and advanced once
 * by the number of its leaves (INSERT … ON CONFLICT DO UPDATE), organizations in id order so two
 * writers never wait on each other in a cycle; the leaves take the next positions in the order given.
 * Returns each source's position.
 */
export async function appendLogLeaves(tx: Db, sources: readonly LogLeafSource[]): Promise<bigint[]> {
  const counts = new Map<string, number>();
  for (const s of sources) counts.set(s.orgId, (counts.get(s.orgId) ?? 0) + 1);
  const next = new Map<string, bigint>();
  for (const orgId of [...counts.keys()].sort()) {
    const k = counts.get(orgId) ?? 0;
    const [head] = await tx.$queryRaw<{ size: bigint }[]>`
      INSERT INTO "LogHead" ("orgId", "size") VALUES (${orgId}::uuid, ${k})
      ON CONFLICT ("orgId") DO UPDATE SET "size" = "LogHead"."size" + ${k}
      RETURNING "size"`;
    if (!head) throw new Error("log head not returned");
    next.set(orgId, head.size - BigInt(k));
  }
  const seqs = sources.map((s) => {
    const seq = next.get(s.orgId) ?? 0n;
    next.set(s.orgId, seq + 1n);
    return seq;
  });
  await tx.logLeaf.createMany({
    data: sources.map((s, i) => ({
      orgId: s.orgId,
      seq: seqs[i] ?? 0n,
      kind: s.kind,
      refId: refIdOf(s),
      leafHash: hashLeaf(toLogLeafContent(s)).toString("hex"),
    })),
  });
  return seqs;
}
