import type { Db } from "../db/db-types.ts";
import { createInclusionProofs } from "./create-inclusion-proofs.ts";
import { toAuditLeafSource } from "./to-audit-leaf-source.ts";
import type { LogLeafSource } from "./log-leaf-source.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";
import { readLogLeafHashes } from "./read-log-leaf-hashes.ts";
import { toLogLeafContent } from "./to-log-leaf-content.ts";

/** An inclusion proof as an audit pack carries it: the leaf's content, its position and audit path. */
export interface LogProof {
  kind: "evidence" | "audit";
  refId: string;
  seq: string;
  /** The leaf input (UTF-8 JSON array, see to-log-leaf-content.ts): hash it with 0x00 in front. */
  leafContent: string;
  /** Sibling hashes from the leaf up, hex. */
  auditPath: string[];
}

const CHUNK = 1000;

/**
 * Inclusion proofs, against the tree of the first `treeSize` leaves (a signed checkpoint's size), for the
 * given evidence and audit entries of an organization. Each leaf's content is rebuilt from its row and
 * must hash to the stored leaf: a pack never carries a proof for a row that no longer matches its log.
 */
export async function createLogProofs(
  prisma: Db,
  orgId: string,
  refs: { evidenceIds: readonly string[]; auditIds: readonly bigint[] },
  treeSize: bigint,
): Promise<LogProof[]> {
  if (treeSize === 0n) return [];
  const { hashes, gapAt } = await readLogLeafHashes(prisma, orgId, treeSize);
  if (gapAt !== null) throw new Error(`the log has no leaf at position ${gapAt.toString()}`);
  const sources: LogLeafSource[] = [];
  for (let i = 0; i < refs.evidenceIds.length; i += CHUNK) {
    const rows = await prisma.evidence.findMany({
      where: { orgId, id: { in: refs.evidenceIds.slice(i, i + CHUNK) } },
      select: { id: true, sha256: true, receivedAt: true },
    });
    for (const e of rows)
      sources.push({ kind: "evidence", orgId, evidenceId: e.id, sha256: e.sha256, receivedAt: e.receivedAt });
  }
  const audit = refs.auditIds.length
    ? await prisma.auditEntry.findMany({ where: { orgId, id: { in: [...refs.auditIds] } } })
    : [];
  for (const a of audit) sources.push(toAuditLeafSource(orgId, a));
  const leaves = new Map<string, bigint>();
  for (const kind of ["evidence", "audit"] as const) {
    const ids = sources.filter((s) => s.kind === kind).map((s) => (s.kind === "evidence" ? s.evidenceId : s.entryId));
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await prisma.logLeaf.findMany({
        where: { orgId, kind, refId: { in: ids.slice(i, i + CHUNK) }, seq: { lt: treeSize } },
        select: { refId: true, seq: true },
      });
      for (const r of rows) leaves.set(`${kind}:${r.refId}`, r.seq);
    }
  }
  const placed = sources.flatMap((source) => {
    const refId = source.kind === "evidence" ? source.evidenceId : source.entryId;
    const seq = leaves.get(`${source.kind}:${refId}`);
    return seq === undefined ? [] : [{ source, refId, seq, content: toLogLeafContent(source) }];
  });
  const proofs = createInclusionProofs(
    hashes,
    placed.map((p) => Number(p.seq)),
    Number(treeSize),
  );
  return placed.map((p) => {
    if (!hashLeaf(p.content).equals(hashes[Number(p.seq)] ?? Buffer.alloc(0))) {
      throw new Error(
        `${p.source.kind} ${p.refId} no longer matches its log leaf ${p.seq.toString()}: run assay audit verify`,
      );
    }
    return {
      kind: p.source.kind,
      refId: p.refId,
      seq: p.seq.toString(),
      leafContent: p.content.toString("utf8"),
      auditPath: (proofs.get(Number(p.seq)) ?? []).map((h) => h.toString("hex")),
    };
  });
}
