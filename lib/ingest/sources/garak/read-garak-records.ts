import { z } from "zod";
import { AppError } from "../../../errors/app-error.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";
import { parseJsonLines } from "../../json/parse-json-lines.ts";
import { parseSourceShape } from "../../json/parse-source-shape.ts";
import { isRecord } from "../shared/is-record.ts";

const recordSchema = z.looseObject({ entry_type: z.string() });

/**
 * The records of a garak report or hit log: JSON Lines as garak writes them, each line one object with
 * an `entry_type` (report) or a `probe`/`detector` pair (hit log). A JSON array of records, on one line or
 * pretty-printed, is accepted too. Anything else is `validation_failed`; bytes that are not JSON are 400.
 */
export function readGarakRecords(raw: Uint8Array): Record<string, unknown>[] {
  let values: unknown[];
  try {
    values = parseJsonLines(raw, "garak report");
  } catch (error) {
    // A pretty-printed JSON array or object spans several lines: read it as one document instead.
    const head = new TextDecoder().decode(raw.subarray(0, 64)).trimStart();
    if (!(error instanceof AppError) || !(head.startsWith("[") || head.startsWith("{"))) throw error;
    try {
      values = [parseJsonBytes(raw, "garak report")];
    } catch {
      throw error;
    }
  }
  const records: Record<string, unknown>[] = [];
  for (const value of values.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))) {
    if (!isRecord(value)) {
      throw new AppError("validation_failed", "This is not a garak report: every record must be a JSON object.");
    }
    const record = value;
    if ("entry_type" in record) {
      parseSourceShape(recordSchema, record, "garak report record");
    } else if (typeof record.probe !== "string" || !("detector" in record)) {
      throw new AppError(
        "validation_failed",
        "This is not a garak report: a record has neither an entry_type nor the probe and detector of a hit-log entry.",
      );
    }
    records.push(record);
  }
  if (records.length === 0) throw new AppError("validation_failed", "This is not a garak report: it holds no records.");
  return records;
}
