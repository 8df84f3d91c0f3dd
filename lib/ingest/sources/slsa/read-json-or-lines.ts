import { AppError } from "../../../errors/app-error.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";
import { parseJsonLines } from "../../json/parse-json-lines.ts";

/**
 * Reads a body that is one JSON document, or JSON Lines (one envelope or bundle per line): the
 * `.intoto.jsonl` files of slsa-github-generator and the output of `gh attestation download` are
 * JSONL. A body that is neither is the 400 of the first attempt (as plain JSON).
 */
export function readJsonOrLines(raw: Uint8Array, what: string): unknown {
  try {
    return parseJsonBytes(raw, what);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    try {
      const lines = parseJsonLines(raw, what);
      if (lines.length > 1) return lines;
    } catch {
      // fall through to the first error, which names the problem with the body as a whole
    }
    throw error;
  }
}
