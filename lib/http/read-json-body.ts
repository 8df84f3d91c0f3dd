import { AppError } from "../errors/app-error.ts";

export const MAX_JSON_BODY_BYTES = 1_048_576;

/**
 * Reads a JSON command body: `Content-Type: application/json` (415 otherwise), at most 1 MiB while
 * streaming (413), well-formed JSON (400). Validation against the command's schema comes after.
 */
export async function readJsonBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large", `The body is larger than ${limit} bytes.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new AppError("payload_too_large", `The body is larger than ${limit} bytes.`);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
