const DIGEST_BYTES = 32;
const CANONICAL_BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Decodes a SHA-256-sized MAC written in standard padded base64 (RFC 4648 section 4), or returns null
 * when the text is not exactly the canonical encoding of 32 bytes. Node's decoder is lenient (it ignores
 * stray characters and the unused low bits of the last character), so the text is also re-encoded and
 * compared: two different strings never decode to the same accepted MAC.
 */
export function decodeBase64Digest(text: string): Uint8Array | null {
  if (!CANONICAL_BASE64_32.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength !== DIGEST_BYTES || bytes.toString("base64") !== text) return null;
  return new Uint8Array(bytes);
}
