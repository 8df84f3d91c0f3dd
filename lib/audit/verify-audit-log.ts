import { verify } from "node:crypto";
import type { Db } from "../db/db-types.ts";
import { createRootAccumulator } from "./merkle/create-root-accumulator.ts";
import { formatCheckpointNote } from "./format-checkpoint-note.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";
import { readLogRows } from "./read-log-rows.ts";
import { toLogLeafContent } from "./to-log-leaf-content.ts";

/** A row may carry a time up to this much before the checkpoint that precedes its leaf (clock skew). */
const SKEW_MS = 5 * 60_000;
const PAGE = 2_000;

export interface LogDivergence {
  seq: string | null;
  kind: string;
  refId: string | null;
  problem: string;
}

export interface LogVerification {
  ok: boolean;
  size: string;
  leaves: number;
  checkpoints: number;
  /** The first place where the database and the log disagree. */
  first: LogDivergence | null;
}

/**
 * Recomputes an organization's log from the database and reports the first divergence: every leaf in
 * order (no gaps) must be recomputable from the row it stands for (evidence bytes still hashing to
 * their sha256, audit entries unchanged); no evidence or audit row may lack a leaf (an insert that
 * bypassed the log); a row logged after a checkpoint may not carry a time before it (back-dating); and
 * every checkpoint must carry a valid Ed25519 signature and the root of the leaves up to its size.
 */
export async function verifyAuditLog(prisma: Db, orgId: string): Promise<LogVerification> {
  const [head, key, checkpoints] = await Promise.all([
    prisma.logHead.findUnique({ where: { orgId } }),
    prisma.logKey.findUnique({ where: { orgId } }),
    prisma.logCheckpoint.findMany({ where: { orgId }, orderBy: [{ treeSize: "asc" }, { createdAt: "asc" }] }),
  ]);
  const size = head?.size ?? 0n;
  let leaves = 0;
  const result = (first: LogDivergence | null): LogVerification => ({
    ok: first === null,
    size: size.toString(),
    leaves,
    checkpoints: checkpoints.length,
    first,
  });
  const accumulator = createRootAccumulator();
  let nextCheckpoint = 0;
  const checkCheckpointsAt = (treeSize: bigint): LogDivergence | null => {
    for (; nextCheckpoint < checkpoints.length; nextCheckpoint += 1) {
      const cp = checkpoints[nextCheckpoint];
      if (!cp || cp.treeSize > treeSize) return null;
      if (cp.treeSize < treeSize) continue;
      const where = { seq: null, kind: "checkpoint", refId: cp.id };
      const signed =
        key && verify(null, Buffer.from(cp.note, "utf8"), key.publicKey, Buffer.from(cp.signature, "base64"));
      if (!signed)
        return { ...where, problem: `checkpoint at size ${cp.treeSize.toString()}: the signature does not verify` };
      const root = accumulator.root();
      if (cp.note !== formatCheckpointNote(orgId, cp.treeSize, Buffer.from(cp.rootHash, "hex"), cp.createdAt)) {
        return {
          ...where,
          problem: `checkpoint at size ${cp.treeSize.toString()}: its columns differ from its signed note`,
        };
      }
      if (root.toString("hex") !== cp.rootHash) {
        return {
          ...where,
          problem: `checkpoint at size ${cp.treeSize.toString()}: the leaves give root ${root.toString("hex")}, not the signed ${cp.rootHash}`,
        };
      }
    }
    return null;
  };
  let precedingCheckpointAt: Date | null = null;
  let cpIndexForTime = 0;
  const start = checkCheckpointsAt(0n);
  if (start) return result(start);
  for (let from = 0n; from < size; from += BigInt(PAGE)) {
    const page = await readLogRows(prisma, orgId, from, from + BigInt(PAGE));
    for (const { leaf, source, problem } of page) {
      const seq = BigInt(leaves);
      const where = { seq: seq.toString(), kind: leaf?.kind ?? "leaf", refId: leaf?.refId ?? null };
      if (!leaf || leaf.seq !== seq)
        return result({ ...where, problem: `no leaf at position ${seq.toString()} (deleted or reordered)` });
      if (problem) return result({ ...where, problem });
      if (!source) return result({ ...where, problem: `the ${leaf.kind} row of this leaf is gone` });
      if (hashLeaf(toLogLeafContent(source)).toString("hex") !== leaf.leafHash) {
        return result({ ...where, problem: `the ${leaf.kind} row was changed after it was logged` });
      }
      for (
        ;
        cpIndexForTime < checkpoints.length && (checkpoints[cpIndexForTime]?.treeSize ?? 0n) <= seq;
        cpIndexForTime += 1
      ) {
        precedingCheckpointAt = checkpoints[cpIndexForTime]?.createdAt ?? precedingCheckpointAt;
      }
      const time = source.kind === "evidence" ? source.receivedAt : source.createdAt;
      if (precedingCheckpointAt && time.getTime() < precedingCheckpointAt.getTime() - SKEW_MS) {
        return result({
          ...where,
          problem: `back-dated: recorded at ${time.toISOString()} but logged after the checkpoint of ${precedingCheckpointAt.toISOString()}`,
        });
      }
      accumulator.push(Buffer.from(leaf.leafHash, "hex"));
      leaves += 1;
      const cp = checkCheckpointsAt(BigInt(leaves));
      if (cp) return result(cp);
    }
  }
  if (BigInt(leaves) !== size)
    return result({
      seq: leaves.toString(),
      kind: "leaf",
      refId: null,
      problem: `the log has ${leaves} leaves, its head says ${size.toString()}`,
    });
  const extra = await prisma.logLeaf.findFirst({
    where: { orgId, seq: { gte: size } },
    select: { seq: true, kind: true, refId: true },
  });
  if (extra)
    return result({
      seq: extra.seq.toString(),
      kind: extra.kind,
      refId: extra.refId,
      problem: "a leaf beyond the log's size",
    });
  const late = checkpoints.find((cp) => cp.treeSize > size);
  if (late)
    return result({
      seq: null,
      kind: "checkpoint",
      refId: late.id,
      problem: `a checkpoint at size ${late.treeSize.toString()}, beyond the log's size`,
    });
  const unlogged = await prisma.$queryRaw<{ kind: string; id: string }[]>`
    (SELECT 'evidence' AS kind, e."id"::text AS id FROM "Evidence" e
      WHERE e."orgId" = ${orgId}::uuid
        AND NOT EXISTS (SELECT 1 FROM "LogLeaf" l WHERE l."orgId" = e."orgId" AND l."kind" = 'evidence' AND l."refId" = e."id"::text)
      LIMIT 1)
    UNION ALL
    (SELECT 'audit' AS kind, a."id"::text AS id FROM "AuditEntry" a
      WHERE a."orgId" = ${orgId}::uuid
        AND NOT EXISTS (SELECT 1 FROM "LogLeaf" l WHERE l."orgId" = a."orgId" AND l."kind" = 'audit' AND l."refId" = a."id"::text)
      LIMIT 1)`;
  const missing = unlogged[0];
  if (missing)
    return result({
      seq: null,
      kind: missing.kind,
      refId: missing.id,
      problem: `a ${missing.kind} row that is not in the log (inserted around it)`,
    });
  return result(null);
}
