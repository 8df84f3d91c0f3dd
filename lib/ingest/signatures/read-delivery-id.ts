import { AppError } from "../../errors/app-error.ts";

/** Visible ASCII only, at most 256 characters: every real sender's ids (UUIDs, `msg_…`) fit. */
const DELIVERY_ID = /^[\x21-\x7e]{1,256}$/;

/**
 * Reads a sender's delivery id header. Returns null when the header is absent and `required` is false;
 * a missing required header, or a value that is not a short run of visible ASCII, is `unauthenticated`
 * (the id is stored and used for replay dedupe, so it must be sane even when the scheme does not sign it).
 */
export function readDeliveryId(headers: Headers, name: string, required: boolean): string | null {
  const value = headers.get(name);
  if (value === null || value === "") {
    if (required) throw new AppError("unauthenticated", `missing ${name} header`);
    return null;
  }
  if (!DELIVERY_ID.test(value)) {
    throw new AppError("unauthenticated", `${name} is malformed; expected at most 256 visible ASCII characters`);
  }
  return value;
}
