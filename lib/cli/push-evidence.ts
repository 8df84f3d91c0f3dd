import { readFile } from "node:fs/promises";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors/app-error.ts";
import type { IngestResponse } from "../ingest/ingest-types.ts";
import { SOURCE_KINDS } from "../ingest/source-kinds.ts";

export interface PushOptions {
  url: string;
  token: string;
  source: string;
  system?: string;
  idempotencyKey?: string;
  file: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".jsonl": "application/jsonl",
  ".ndjson": "application/x-ndjson",
  ".jsonld": "application/ld+json",
  ".sarif": "application/json",
};

/**
 * The pipeline side of CI uploads: sends a tool's output file to `POST <url>/api/v1/evidence` and
 * returns the endpoint's JSON. A rejection becomes an AppError carrying the server's code and message.
 */
export async function pushEvidence(options: PushOptions): Promise<IngestResponse> {
  if (!(SOURCE_KINDS as readonly string[]).includes(options.source)) {
    throw new AppError("validation_failed", `--source must be one of ${SOURCE_KINDS.join(", ")}.`);
  }
  let body: Buffer;
  try {
    body = await readFile(options.file);
  } catch (error) {
    throw new AppError(
      "bad_request",
      `Cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const target = new URL("/api/v1/evidence", options.url);
  target.searchParams.set("source", options.source);
  if (options.system) target.searchParams.set("system", options.system);
  const ext = /\.[a-z]+$/i.exec(options.file)?.[0]?.toLowerCase() ?? "";
  let res: Response;
  try {
    res = await fetch(target, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.token}`,
        "content-type": CONTENT_TYPES[ext] ?? "application/json",
        ...(options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {}),
      },
      body: new Uint8Array(body),
    });
  } catch (error) {
    throw new AppError(
      "internal",
      `Cannot reach ${target.origin}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    /* not JSON */
  }
  if (res.status !== 202) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    const code = (err?.code && err.code in ERROR_STATUS ? err.code : "internal") as ErrorCode;
    throw new AppError(code, `${res.status}: ${err?.message ?? text.slice(0, 300)}`);
  }
  return json as IngestResponse;
}
