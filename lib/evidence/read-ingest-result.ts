import type { IngestResult } from "../ingest/ingest-types.ts";

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The stored ingest result of a piece of evidence (`Evidence.result`), read defensively. */
export function readIngestResult(json: unknown): IngestResult {
  const r = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  return {
    findings: count(r.findings),
    failing: count(r.failing),
    requirements: strings(r.requirements),
    unmapped: strings(r.unmapped),
  };
}
