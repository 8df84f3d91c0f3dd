import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";

/**
 * Recomputes the model digest of an OpenSSF model signing v1.0 statement: SHA-256 over the raw bytes
 * of every resource digest, in the order the predicate lists them (what sigstore/model-transparency's
 * `Payload` puts in the subject and its verifier re-checks). True when it equals `subjectSha256`;
 * null when it cannot be computed (no resources, or a digest that is not hex). This is a consistency
 * check of the manifest only: it proves nothing about who signed it.
 */
export function checkRootDigest(resourceDigests: readonly string[], subjectSha256: string): boolean | null {
  if (resourceDigests.length === 0) return null;
  const hash = createHash("sha256");
  for (const digest of resourceDigests) {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(digest)) return null;
    hash.update(Buffer.from(digest, "hex"));
  }
  return hash.digest("hex") === subjectSha256.toLowerCase();
}
