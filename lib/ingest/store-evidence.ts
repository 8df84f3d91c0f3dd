import type { PrismaClient } from "../db/db-types.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { commitEvidenceBatch, type EvidenceOutcome } from "./commit-evidence-batch.ts";
import { createGroupCommitter } from "./create-group-committer.ts";
import type { EvidenceRecord, IngestResponse } from "./ingest-types.ts";

/** At most this many deliveries share one transaction (about 50 arrive together at concurrency 50). */
const MAX_BATCH = 100;

const committers = new WeakMap<PrismaClient, (record: EvidenceRecord) => Promise<EvidenceOutcome>>();

/** Commits the batch; if the database refuses it, each record alone, so one bad record fails only its sender. */
async function commitOrSplit(prisma: PrismaClient, records: readonly EvidenceRecord[]): Promise<EvidenceOutcome[]> {
  try {
    return await commitEvidenceBatch(prisma, records);
  } catch (error) {
    if (records.length === 1) return [{ ok: false, error }];
    const outcomes: EvidenceOutcome[] = [];
    for (const record of records) outcomes.push(...(await commitOrSplit(prisma, [record])));
    return outcomes;
  }
}

/**
 * Stores one piece of evidence (bytes, sha256, identity, its log leaf and its mapping job) and
 * resolves only after the transaction holding it has committed. Concurrent calls are group-committed:
 * deliveries that arrive while a transaction is in flight share the next one (commitEvidenceBatch),
 * each still answered with its own result or error. A redelivery returns the original result with
 * `duplicate: true`; one with different bytes is a 409.
 */
export async function storeEvidence(prisma: PrismaClient, record: EvidenceRecord): Promise<IngestResponse> {
  // Start the queue before any transaction: on PGlite (one connection) its start-up could not run
  // while a transaction holds the connection.
  await getJobQueue();
  let submit = committers.get(prisma);
  if (!submit) {
    submit = createGroupCommitter((records) => commitOrSplit(prisma, records), MAX_BATCH);
    committers.set(prisma, submit);
  }
  const outcome = await submit(record);
  if (!outcome.ok) throw outcome.error;
  return outcome.response;
}
