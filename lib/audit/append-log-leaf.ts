import type { Db } from "../db/db-types.ts";
import type { LogLeafSource } from "./log-leaf-source.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";
import { toLogLeafContent } from "./to-log-leaf-content.ts";

const refIdOf = (s: LogLeafSource) => (s.kind === "evidence" ? s.evidenceId : s.entryId);

/**
 * Appends one leaf to the organization's log inside the writer's transaction, so the row and its leaf
 * commit together or not at all. The log head's row lock (INSERT … ON CONFLICT DO UPDATE) gives each
 * organization's appends a strict order; the leaf takes the next position.
 */
export async function appendLogLeaf(tx: Db, source: LogLeafSource): Promise<bigint> {
  const [head] = await tx.$queryRaw<{ size: bigint }[]>`
    INSERT INTO "LogHead" ("orgId", "size") VALUES (${source.orgId}::uuid, 1)
    ON CONFLICT ("orgId") DO UPDATE SET "size" = "LogHead"."size" + 1
    RETURNING "size"`;
  if (!head) throw new Error("log head not returned");
  const seq = head.size - 1n;
  await tx.logLeaf.create({
    data: {
      orgId: source.orgId,
      seq,
      kind: source.kind,
      refId: refIdOf(source),
      leafHash: hashLeaf(toLogLeafContent(source)).toString("hex"),
    },
  });
  return seq;
}
