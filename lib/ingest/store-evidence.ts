import { randomUUID } from "node:crypto";
import { appendLogLeaf } from "../audit/append-log-leaf.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { JOBS } from "../jobs/job-names.ts";
import type { EvidenceRecord, IngestResponse, IngestResult } from "./ingest-types.ts";

function responseOf(id: string, result: IngestResult, duplicate: boolean): IngestResponse {
  return {
    evidenceId: id,
    duplicate,
    findings: result.findings,
    failing: result.failing,
    requirements: result.requirements,
  };
}

/**
 * Stores one piece of evidence in one transaction: the exact bytes and their sha256, the verified
 * identity, its leaf in the organization's tamper-evident log, and the mapping job (pg-boss, same
 * transaction). The unique (organization, dedupe key)
 * constraint makes a redelivery return the original result without a second row, however many arrive
 * at once (`INSERT … ON CONFLICT DO NOTHING` waits for the first to commit). A redelivery whose bytes
 * differ from the stored ones is a conflicting replay (409). Returns only after the commit.
 */
export async function storeEvidence(prisma: PrismaClient, record: EvidenceRecord): Promise<IngestResponse> {
  const id = randomUUID();
  // Start the queue before the transaction: on PGlite (one connection) its start-up could not run
  // while the transaction holds the connection.
  await getJobQueue();
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.evidence.createMany({
      data: [
        {
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
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 1) {
      await appendLogLeaf(tx, {
        kind: "evidence",
        orgId: record.orgId,
        evidenceId: id,
        sha256: record.sha256,
        receivedAt: record.receivedAt,
      });
      await enqueueJob(tx, JOBS.mapEvidence, { evidenceId: id, orgId: record.orgId });
      return responseOf(id, record.result, false);
    }
    const existing = await tx.evidence.findUnique({
      where: { orgId_dedupeKey: { orgId: record.orgId, dedupeKey: record.dedupeKey } },
      select: { id: true, sha256: true, result: true },
    });
    if (!existing) throw new AppError("conflict", "The delivery collided with another one; send it again.");
    if (existing.sha256 !== record.sha256) {
      throw new AppError(
        "conflict",
        `Delivery ${record.deliveryId ?? record.dedupeKey} was already received with different content (sha256 ${existing.sha256.slice(0, 12)}…); a replay must carry the same bytes.`,
      );
    }
    return responseOf(existing.id, existing.result as unknown as IngestResult, true);
  });
}
