import { AppError } from "../../../errors/app-error.ts";
import { parseEmbeddedJson } from "../../json/parse-embedded-json.ts";
import { isRecord } from "../shared/is-record.ts";
import { parseJsonOrLines } from "../shared/parse-json-or-lines.ts";

/** Keys under which log shippers (Docker json-file, Fluent Bit, Vector) carry the original line. */
const WRAPPED_LINE_KEYS = ["log", "message"] as const;

/**
 * The access-log lines of one delivery: one JSON object, a JSON array of them, or JSON Lines as Envoy
 * writes its file/stdout sink. A line a shipper wrapped as `{ "log": "<json line>", ... }` (or
 * `message`) is unwrapped. Bytes that are neither JSON nor JSON Lines are a 400; a line that is not an
 * object is `validation_failed`.
 */
export function readAccessLogLines(raw: Uint8Array): Record<string, unknown>[] {
  const values = parseJsonOrLines(raw, "Envoy AI Gateway access log");
  const lines: Record<string, unknown>[] = [];
  for (const value of values.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))) {
    if (!isRecord(value)) {
      throw new AppError("validation_failed", "This is not an Envoy access log: every line must be a JSON object.");
    }
    lines.push(unwrapShipped(value));
  }
  if (lines.length === 0)
    throw new AppError("validation_failed", "This is not an Envoy access log: it holds no lines.");
  return lines;
}

function unwrapShipped(record: Record<string, unknown>): Record<string, unknown> {
  for (const key of WRAPPED_LINE_KEYS) {
    const value = record[key];
    if (typeof value !== "string") continue;
    const inner = parseEmbeddedJson(value, "Envoy AI Gateway access log line");
    if (isRecord(inner)) return inner;
  }
  return record;
}
