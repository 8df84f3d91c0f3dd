import { randomUUID } from "node:crypto";
import { appendLogLeaves } from "../audit/append-log-leaves.ts";
import type { PrismaClient, Prisma } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { enqueueJobs } from "../jobs/enqueue-jobs.ts";
import { JOBS } from "../jobs/job-names.ts";
import type { EvidenceRecord, IngestResponse, IngestResult } from "./ingest-types.ts";

/** What one record of a batch came to: its 202 body, or the error its sender gets. */
export type EvidenceOutcome = { ok: true; response: IngestResponse } | { ok: false; error: unknown };

const responseOf = (id: string, result: IngestResult, duplicate: boolean): IngestResponse => ({
  evidenceId: id,
  duplicate,
  findings: result.findings,
  failing: result.failing,
  requirements: result.requirements,
});

function toRow(record: EvidenceRecord, id: string): Prisma.EvidenceCreateManyInput {
  return {
    id,
    orgId: record.orgId,
    integrationId: record.integrationId,
    apiTokenId: record.apiTokenId,
    systemId: record.systemId,
    source: record.source,
    eventType: record.eventType.slice(0, 200),
    scheme: record.scheme,
    identity: record.identity,
    deliveryId: record.deliveryId,
    dedupeKey: record.dedupeKey,
    contentType: record.contentType.slice(0, 200),
    headers: record.headers,
    sizeBytes: record.raw.byteLength,
    sha256: record.sha256,
    body: record.raw as Uint8Array<ArrayBuffer>,
    receivedAt: record.receivedAt,
    effectiveAt: record.effectiveAt,
    result: { ...record.result },
  };
}

/**
 * Stores a batch of evidence in ONE transaction (one commit, one wait for the disk): the exact bytes
 * and their sha256, the leaves in the organizations' tamper-evident logs, and the mapping jobs. The
 * unique (organization, dedupe key) constraint makes a redelivery, in this batch or an earlier one,
 * return the stored row (`duplicate`) without a second one (`INSERT … ON CONFLICT DO NOTHING` waits
 * for a concurrent first to commit); a redelivery with other bytes is a conflict. Resolves only after
 * the commit; a database error fails the whole batch (the caller retries its records one by one).
 */
export async function commitEvidenceBatch(
  prisma: PrismaClient,
  records: readonly EvidenceRecord[],
): Promise<EvidenceOutcome[]> {
  const ids = records.map(() => randomUUID());
  return prisma.$transaction(async (tx) => {
    await tx.evidence.createMany({ data: records.map((r, i) => toRow(r, ids[i] ?? "")), skipDuplicates: true });
    const inserted = new Set(
      (await tx.evidence.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id),
    );
    const fresh = records.flatMap((record, i) => (inserted.has(ids[i] ?? "") ? [{ record, id: ids[i] ?? "" }] : []));
    if (fresh.length > 0) {
      await appendLogLeaves(
        tx,
        fresh.map(({ record, id }) => ({
          kind: "evidence" as const,
          orgId: record.orgId,
          evidenceId: id,
          sha256: record.sha256,
          receivedAt: record.receivedAt,
        })),
      );
      await enqueueJobs(
        tx,
        JOBS.mapEvidence,
        fresh.map(({ record, id }) => ({ evidenceId: id, orgId: record.orgId })),
      );
    }
    const repeats = records.filter((_, i) => !inserted.has(ids[i] ?? ""));
    const existing =
      repeats.length === 0
        ? []
        : await tx.evidence.findMany({
            where: { OR: repeats.map((r) => ({ orgId: r.orgId, dedupeKey: r.dedupeKey })) },
            select: { id: true, orgId: true, dedupeKey: true, sha256: true, result: true },
          });
    return records.map((record, i): EvidenceOutcome => {
      const id = ids[i] ?? "";
      if (inserted.has(id)) return { ok: true, response: responseOf(id, record.result, false) };
      const first = existing.find((e) => e.orgId === record.orgId && e.dedupeKey === record.dedupeKey);
      if (!first) {
        return { ok: false, error: new AppError("conflict", "The delivery collided with another one; send it again.") };
      }
      if (first.sha256 !== record.sha256) {
        return {
          ok: false,
          error: new AppError(
            "conflict",
            `Delivery ${record.deliveryId ?? record.dedupeKey} was already received with different content (sha256 ${first.sha256.slice(0, 12)}…); a replay must carry the same bytes.`,
          ),
        };
      }
      return { ok: true, response: responseOf(first.id, first.result as unknown as IngestResult, true) };
    });
  });
}
