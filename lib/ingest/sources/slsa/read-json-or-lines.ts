import { parseJsonOrLines } from "../shared/parse-json-or-lines.ts";

/**
 * Reads a body that is one JSON document, or JSON Lines (one envelope or bundle per line): the
 * `.intoto.jsonl` files of slsa-github-generator and the output of `gh attestation download` are
 * JSONL. Returns the document itself, or the array of lines (two or more). A body that is neither is
 * the 400 of the first attempt (as plain JSON).
 */
export function readJsonOrLines(raw: Uint8Array, what: string): unknown {
  const values = parseJsonOrLines(raw, what, 2);
  return values.length === 1 ? values[0] : values;
}
