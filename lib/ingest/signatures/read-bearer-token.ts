import { AppError } from "../../errors/app-error.ts";

const BEARER = /^bearer +([\x21-\x7e]+)$/i;

/**
 * Reads the token of an `Authorization: Bearer <token>` header (RFC 6750 section 2.1; the scheme name
 * is case-insensitive). A missing header, another scheme or a token with spaces or non-ASCII characters
 * is `unauthenticated`.
 */
export function readBearerToken(headers: Headers): string {
  const value = headers.get("Authorization");
  if (value === null || value === "") throw new AppError("unauthenticated", "missing Authorization header");
  const match = BEARER.exec(value);
  if (!match?.[1]) {
    throw new AppError("unauthenticated", 'Authorization header is not "Bearer <token>"');
  }
  return match[1];
}
