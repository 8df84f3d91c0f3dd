import { createHash } from "node:crypto";
import type { Db } from "../db/db-types.ts";
import type { LogLeafSource } from "./log-leaf-source.ts";
import { toAuditLeafSource } from "./to-audit-leaf-source.ts";

export interface LogRow {
  leaf: { seq: bigint; kind: string; refId: string; leafHash: string } | null;
  /** The row the leaf stands for, as the log hashes it; null when it is gone. */
  source: LogLeafSource | null;
  /** A problem found reading it (evidence bytes that no longer match their sha256). */
  problem: string | null;
}

/** The leaves at positions [from, to) of an organization's log, each with the row it stands for. */
export async function readLogRows(prisma: Db, orgId: string, from: bigint, to: bigint): Promise<LogRow[]> {
  const leaves = await prisma.logLeaf.findMany({
    where: { orgId, seq: { gte: from, lt: to } },
    orderBy: { seq: "asc" },
    select: { seq: true, kind: true, refId: true, leafHash: true },
  });
  const evidenceIds = leaves.filter((l) => l.kind === "evidence").map((l) => l.refId);
  const auditIds = leaves.filter((l) => l.kind === "audit" && /^\d+$/.test(l.refId)).map((l) => BigInt(l.refId));
  const [evidence, audit] = await Promise.all([
    evidenceIds.length
      ? prisma.evidence.findMany({
          where: { orgId, id: { in: evidenceIds } },
          select: { id: true, sha256: true, body: true, receivedAt: true },
        })
      : [],
    auditIds.length ? prisma.auditEntry.findMany({ where: { orgId, id: { in: auditIds } } }) : [],
  ]);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const auditById = new Map(audit.map((a) => [a.id.toString(), a]));
  return leaves.map((leaf) => {
    if (leaf.kind === "evidence") {
      const e = evidenceById.get(leaf.refId);
      if (!e) return { leaf, source: null, problem: null };
      const actual = createHash("sha256").update(e.body).digest("hex");
      return {
        leaf,
        source: { kind: "evidence", orgId, evidenceId: e.id, sha256: e.sha256, receivedAt: e.receivedAt },
        problem: actual === e.sha256 ? null : `evidence ${e.id}: its bytes no longer hash to its recorded sha256`,
      };
    }
    const a = auditById.get(leaf.refId);
    if (!a) return { leaf, source: null, problem: null };
    return { leaf, source: toAuditLeafSource(orgId, a), problem: null };
  });
}
