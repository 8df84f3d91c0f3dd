import { AppError } from "../../../errors/app-error.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";
import { parseJsonLines } from "../../json/parse-json-lines.ts";

/**
 * The log entries of one Kong delivery: http-log sends one JSON object per request, or a JSON array
 * when its queue batches (`queue.max_batch_size` > 1); file-log, tcp-log and log shippers write one
 * object per line. Bytes that are neither JSON nor JSON Lines are a 400; an entry that is not an object
 * is `validation_failed`.
 */
export function readKongEntries(raw: Uint8Array): Record<string, unknown>[] {
  let values: unknown[];
  try {
    values = [parseJsonBytes(raw, "Kong log entry")];
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    try {
      values = parseJsonLines(raw, "Kong log entry");
    } catch {
      throw error;
    }
  }
  const entries: Record<string, unknown>[] = [];
  for (const value of values.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new AppError("validation_failed", "This is not a Kong log: every log entry must be a JSON object.");
    }
    entries.push(value as Record<string, unknown>);
  }
  if (entries.length === 0) throw new AppError("validation_failed", "This is not a Kong log: it holds no entries.");
  return entries;
}
