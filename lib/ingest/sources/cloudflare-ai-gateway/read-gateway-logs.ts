import { AppError } from "../../../errors/app-error.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";
import { isRecord } from "../shared/is-record.ts";

/**
 * The log objects of one body: the logs API envelope's `result` (an array, or one object for a single
 * log), a bare array, or one log. An envelope with `success: false` is a failed API call, not logs;
 * an empty bare array and non-object items are `validation_failed`. Non-JSON bytes are a 400.
 */
export function readGatewayLogs(raw: Uint8Array): Record<string, unknown>[] {
  const body = parseJsonBytes(raw, "Cloudflare AI Gateway log");
  let values: unknown[];
  if (Array.isArray(body)) {
    if (body.length === 0)
      throw new AppError("validation_failed", "This is not a Cloudflare AI Gateway log: the array is empty.");
    values = body;
  } else if (isRecord(body) && "result" in body && ("success" in body || "result_info" in body || "errors" in body)) {
    if (body.success === false) {
      const errors = Array.isArray(body.errors) ? body.errors : [];
      const message = errors
        .map((e) => (isRecord(e) && typeof e.message === "string" ? e.message : ""))
        .filter(Boolean);
      throw new AppError(
        "validation_failed",
        `This is a failed Cloudflare API response, not AI Gateway logs${message.length > 0 ? `: ${message.join("; ").slice(0, 300)}` : "."}`,
      );
    }
    values = Array.isArray(body.result) ? body.result : [body.result];
  } else {
    values = [body];
  }
  return values.map((value) => {
    if (!isRecord(value)) {
      throw new AppError(
        "validation_failed",
        "This is not a Cloudflare AI Gateway log: every log must be a JSON object.",
      );
    }
    return value;
  });
}
