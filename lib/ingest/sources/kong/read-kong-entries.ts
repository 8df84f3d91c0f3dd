import { AppError } from "../../../errors/app-error.ts";
import { isRecord } from "../shared/is-record.ts";
import { parseJsonOrLines } from "../shared/parse-json-or-lines.ts";

/**
 * The log entries of one Kong delivery: http-log sends one JSON object per request, or a JSON array
 * when its queue batches (`queue.max_batch_size` > 1); file-log, tcp-log and log shippers write one
 * object per line. Bytes that are neither JSON nor JSON Lines are a 400; an entry that is not an object
 * is `validation_failed`.
 */
export function readKongEntries(raw: Uint8Array): Record<string, unknown>[] {
  const values = parseJsonOrLines(raw, "Kong log entry");
  const entries: Record<string, unknown>[] = [];
  for (const value of values.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))) {
    if (!isRecord(value)) {
      throw new AppError("validation_failed", "This is not a Kong log: every log entry must be a JSON object.");
    }
    entries.push(value);
  }
  if (entries.length === 0) throw new AppError("validation_failed", "This is not a Kong log: it holds no entries.");
  return entries;
}
