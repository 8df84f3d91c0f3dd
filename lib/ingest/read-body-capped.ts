import { AppError } from "../errors/app-error.ts";

/**
 * Reads a request body as raw bytes, refusing it (413) as soon as it passes `limit`: a declared
 * Content-Length over the limit is refused before reading anything, and a streamed body is cut off at
 * the first chunk that crosses it, so nothing past the cap is buffered.
 */
export async function readBodyCapped(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    throw new AppError("payload_too_large", `The body is ${declared} bytes; this endpoint accepts at most ${limit}.`);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", `The body is larger than ${limit} bytes, the limit for this endpoint.`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  return new Uint8Array(Buffer.concat(chunks));
}
