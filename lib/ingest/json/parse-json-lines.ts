import { AppError } from "../../errors/app-error.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { parseJsonText } from "./parse-json-text.ts";

/**
 * Parses JSON Lines (one JSON value per line; blank lines skipped) under the same limits as
 * `parseJsonText`. A bad line is a 400 that names its line number.
 */
export function parseJsonLines(raw: Uint8Array, what = "body"): unknown[] {
  const text = decodeUtf8(raw, what);
  const out: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    if (line === "") continue;
    out.push(parseJsonText(line, `${what} (line ${i + 1})`));
  }
  if (out.length === 0) throw new AppError("bad_request", `The ${what} holds no JSON lines.`);
  return out;
}
