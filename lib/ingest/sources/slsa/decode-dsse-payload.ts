import { Buffer } from "node:buffer";
import { AppError } from "../../../errors/app-error.ts";
import { parseJsonBytes } from "../../json/parse-json-bytes.ts";

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Decodes the `payload` of a DSSE envelope (base64, standard or URL-safe alphabet, as the DSSE spec
 * allows) into the JSON value it carries, normally an in-toto statement. Anything that is not base64
 * of UTF-8 JSON is `validation_failed`: the outer document was well-formed, its content is not.
 */
export function decodeDssePayload(payload: string, what: string): unknown {
  const compact = payload.replace(/\s+/g, "");
  if (compact === "" || !BASE64.test(compact) || compact.length % 4 === 1) {
    throw new AppError("validation_failed", `The ${what} DSSE payload is not valid base64.`);
  }
  const bytes = Buffer.from(compact, "base64");
  try {
    return parseJsonBytes(bytes, `${what} DSSE payload`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unreadable";
    throw new AppError("validation_failed", `The ${what} DSSE payload does not decode to JSON: ${reason}`);
  }
}
