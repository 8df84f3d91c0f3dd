import { AppError } from "../../errors/app-error.ts";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes raw bytes as strict UTF-8 (a leading BOM is dropped); invalid sequences are a 400. */
export function decodeUtf8(raw: Uint8Array, what = "body"): string {
  try {
    return decoder.decode(raw);
  } catch {
    throw new AppError("bad_request", `The ${what} is not valid UTF-8.`);
  }
}
