import { AppError } from "../../../errors/app-error.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";
import { parseJsonLines } from "../../json/parse-json-lines.ts";

/**
 * The top-level values of a body that is one JSON document (`[document]`) or JSON Lines (one value per
 * line, as log shippers and `.jsonl` files write them). JSON Lines count only with at least `minLines`
 * values. Bytes that are neither are the 400 of the first attempt, which names the problem with the
 * body as a whole; other errors (limits) are thrown as they are.
 */
export function parseJsonOrLines(raw: Uint8Array, what: string, minLines = 1): unknown[] {
  try {
    return [parseJsonBytes(raw, what)];
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    let lines: unknown[];
    try {
      lines = parseJsonLines(raw, what);
    } catch {
      throw error;
    }
    if (lines.length < minLines) throw error;
    return lines;
  }
}
