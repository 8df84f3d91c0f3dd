import { AppError } from "../errors/app-error.ts";
import type { EvidenceCursor } from "./encode-evidence-cursor.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a cursor made by `encodeEvidenceCursor`; anything else is a 422 naming the `cursor` field. */
export function decodeEvidenceCursor(value: string): EvidenceCursor {
  const [at, id, extra] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (extra !== undefined || !id || !UUID.test(id) || Number.isNaN(receivedAt.getTime())) {
    throw new AppError("validation_failed", "Invalid evidence query: cursor: is not a cursor from this list", [
      { field: "cursor", message: "is not a cursor from this list" },
    ]);
  }
  return { receivedAt, id };
}
