import { Buffer } from "node:buffer";
import { X509Certificate } from "node:crypto";

/**
 * The signer identity of a Sigstore (Fulcio) leaf certificate: the first email or URI subject
 * alternative name (a Fulcio certificate holds exactly one: the OIDC email, or the workflow URI of a
 * CI identity). Reads the DER given as base64 (`rawBytes`); returns null for anything unreadable
 * (trimmed, not a certificate, no SAN). This only reads the certificate: it does not check its chain,
 * validity or the signature it carries.
 */
export function readCertificateIdentity(rawBytes: string): string | null {
  let san: string | undefined;
  try {
    san = new X509Certificate(Buffer.from(rawBytes, "base64")).subjectAltName;
  } catch {
    return null;
  }
  if (!san) return null;
  for (const entry of san.split(/,\s+/)) {
    const match = /^(email|URI):(.+)$/.exec(entry.trim());
    const value = match?.[2];
    if (value === undefined) continue;
    const unquoted = value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    return unquoted.slice(0, 500);
  }
  return null;
}
