import { AppError } from "../../../errors/app-error.ts";
import { parseEmbeddedJson } from "../../json/parse-embedded-json.ts";
import { isRecord } from "../shared/is-record.ts";
import { parseJsonOrLines } from "../shared/parse-json-or-lines.ts";

/** Wrapper keys that hold a list of records: `/spend/logs/ui` pages (`data`) and log shippers (`logs`). */
const WRAPPER_KEYS = ["data", "logs"] as const;

/**
 * The records of one LiteLLM delivery, as the proxy's loggers send them: the generic_api callback
 * (`log_format` `json_array` = one JSON array, `ndjson` = one object per line, `single` = one object),
 * the GCS Pub/Sub logger (one object per message) and the `/spend/logs` API (an array; `/spend/logs/ui`
 * wraps it as `{ data: [...] }`). Records that arrive as JSON-encoded strings are decoded. Bytes that are
 * neither JSON nor JSON Lines are a 400; a record that is not an object is `validation_failed`.
 */
export function readLitellmRecords(raw: Uint8Array): Record<string, unknown>[] {
  const values = parseJsonOrLines(raw, "LiteLLM log payload", 2);

  const records: Record<string, unknown>[] = [];
  for (const value of values) {
    for (const item of unwrap(parseEmbeddedJson(value))) {
      const record = parseEmbeddedJson(item);
      if (!isRecord(record)) {
        throw new AppError(
          "validation_failed",
          "This is not a LiteLLM log payload: every log record must be a JSON object.",
        );
      }
      records.push(record);
    }
  }
  if (records.length === 0) {
    throw new AppError("validation_failed", "This is not a LiteLLM log payload: it holds no log records.");
  }
  return records;
}

function unwrap(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && !("id" in value) && !("request_id" in value)) {
    for (const key of WRAPPER_KEYS) {
      const inner = value[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return [value];
}
