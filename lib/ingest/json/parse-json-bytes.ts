import { AppError } from "../../errors/app-error.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { parseJsonText } from "./parse-json-text.ts";

/** Strict UTF-8 and JSON under Assay's limits (see `parseJsonText`); every failure is a 400 naming it. */
export function parseJsonBytes(raw: Uint8Array, what = "body"): unknown {
  const text = decodeUtf8(raw, what);
  if (text.trim() === "") throw new AppError("bad_request", `The ${what} is empty.`);
  return parseJsonText(text, what);
}
