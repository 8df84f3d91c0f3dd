import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import type { ManifestEntry } from "./report-types.ts";

/** At most this many bytes (or BATCH_ROWS rows) of evidence bodies are held at once. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_ROWS = 200;
const LOOKUP_CHUNK = 1000;

export interface EvidenceReader {
  /** The cited evidence in pack order, with what naming its file needs. */
  entries: { evidenceId: string; contentType: string; sizeBytes: number }[];
  /** The raw bytes of one entry (read in order: a batch is fetched when the next entry is not cached). */
  read(evidenceId: string): Promise<Buffer>;
}

/**
 * Reads the evidence a report cites, in bounded batches: sizes and types first (no bodies), then bodies
 * a batch at a time as the pack asks for them. Every body is checked against the sha256 stored at ingest
 * and cited in the report; evidence missing from the organization or changed is an error, never skipped.
 */
export async function createEvidenceReader(
  prisma: PrismaClient,
  orgId: string,
  manifest: readonly ManifestEntry[],
): Promise<EvidenceReader> {
  const cited = new Map(manifest.map((m) => [m.evidenceId, m.sha256]));
  const ids = [...cited.keys()].sort();
  const meta = new Map<string, { contentType: string; sizeBytes: number }>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const rows = await prisma.evidence.findMany({
      where: { orgId, id: { in: ids.slice(i, i + LOOKUP_CHUNK) } },
      select: { id: true, contentType: true, sizeBytes: true },
    });
    for (const r of rows) meta.set(r.id, { contentType: r.contentType, sizeBytes: r.sizeBytes });
  }
  const missing = ids.filter((id) => !meta.has(id));
  if (missing.length) {
    throw new AppError("internal", `Evidence cited by the report is missing: ${missing.slice(0, 5).join(", ")}`);
  }
  const entries = ids.map((id) => ({
    evidenceId: id,
    ...(meta.get(id) as { contentType: string; sizeBytes: number }),
  }));
  const position = new Map(ids.map((id, i) => [id, i]));
  let cache = new Map<string, Buffer>();
  return {
    entries,
    async read(evidenceId) {
      const cached = cache.get(evidenceId);
      if (cached) return cached;
      const start = position.get(evidenceId);
      if (start === undefined) throw new AppError("internal", `Evidence ${evidenceId} is not cited by the report.`);
      const batch: string[] = [];
      for (let i = start, total = 0; i < entries.length && batch.length < BATCH_ROWS; i += 1) {
        const e = entries[i] as (typeof entries)[number];
        if (batch.length > 0 && total + e.sizeBytes > BATCH_BYTES) break;
        batch.push(e.evidenceId);
        total += e.sizeBytes;
      }
      const rows = await prisma.evidence.findMany({
        where: { orgId, id: { in: batch } },
        select: { id: true, body: true, sha256: true },
      });
      cache = new Map();
      for (const r of rows) {
        // A view on the driver's bytes, not a copy.
        const body = Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength);
        const actual = createHash("sha256").update(body).digest("hex");
        if (actual !== r.sha256 || actual !== cited.get(r.id)) {
          throw new AppError("internal", `Evidence ${r.id} does not match its recorded sha256: it was changed.`);
        }
        cache.set(r.id, body);
      }
      const body = cache.get(evidenceId);
      if (!body) throw new AppError("internal", `Evidence ${evidenceId} could not be read.`);
      return body;
    },
  };
}
