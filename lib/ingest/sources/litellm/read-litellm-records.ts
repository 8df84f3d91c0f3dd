import { AppError } from "../../../errors/app-error.ts";
import { parseEmbeddedJson } from "../../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";
import { parseJsonLines } from "../../json/parse-json-lines.ts";

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
  let values: unknown[];
  try {
    values = [parseJsonBytes(raw, "LiteLLM log payload")];
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    try {
      values = parseJsonLines(raw, "LiteLLM log payload");
    } catch {
      throw error;
    }
    if (values.length < 2) throw error;
  }

  const records: Record<string, unknown>[] = [];
  for (const value of values) {
    for (const item of unwrap(parseEmbeddedJson(value))) {
      const record = parseEmbeddedJson(item);
      if (!isObject(record)) {
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
  if (isObject(value) && !("id" in value) && !("request_id" in value)) {
    for (const key of WRAPPER_KEYS) {
      const inner = value[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return [value];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
