import { AppError } from "../../errors/app-error.ts";
import { checkSignedTimestamp } from "./check-signed-timestamp.ts";
import { decodeBase64Digest } from "./decode-base64-digest.ts";
import { decodeWebhookSecret } from "./decode-webhook-secret.ts";
import { findMatchingHmacKey } from "./find-matching-hmac-key.ts";
import { readDeliveryId } from "./read-delivery-id.ts";
import type { TimestampedHmacInput, VerifiedDelivery } from "./signature-types.ts";

const MAX_SIGNATURE_ENTRIES = 32;
const encoder = new TextEncoder();

/**
 * Verifies a delivery signed per the Standard Webhooks specification (standardwebhooks.com, `spec/
 * standard-webhooks.md` in github.com/standard-webhooks/standard-webhooks), which Svix also sends under
 * `svix-*` header names.
 *
 * The sender puts a message id in `webhook-id`, integer Unix seconds in `webhook-timestamp`, and in
 * `webhook-signature` one or more space-separated `<version>,<base64>` entries. A `v1` entry is
 * HMAC-SHA256 over the bytes `<id>.<timestamp>.<raw body>`, keyed with the base64-decoded part of the
 * `whsec_…` secret. Other versions (such as the asymmetric `v1a`) are skipped. Any `v1` entry matching any
 * current secret verifies, which lets sender and receiver rotate secrets without downtime. The timestamp
 * must lie within the tolerance (default 300 s) of `now`; replays inside that window are caught by
 * deduplicating on the returned `deliveryId`, done elsewhere.
 */
export function verifyStandardWebhooks({
  raw,
  headers,
  secrets,
  now,
  toleranceSeconds = 300,
}: TimestampedHmacInput): VerifiedDelivery {
  const prefix = pickHeaderPrefix(headers);
  const id = readDeliveryId(headers, `${prefix}-id`, true) ?? "";
  const timestamp = headers.get(`${prefix}-timestamp`);
  if (timestamp === null || timestamp === "") {
    throw new AppError("unauthenticated", `missing ${prefix}-timestamp header`);
  }
  const signature = headers.get(`${prefix}-signature`);
  if (signature === null || signature === "") {
    throw new AppError("unauthenticated", `missing ${prefix}-signature header`);
  }
  const signedAt = checkSignedTimestamp(timestamp, `${prefix}-timestamp`, now, toleranceSeconds);
  const presented = parseV1Signatures(signature, `${prefix}-signature`);
  if (secrets.length === 0) {
    throw new AppError("unauthenticated", "no current secret is configured for this source");
  }
  const keys = secrets.map((secret, index) => decodeWebhookSecret(secret, index));
  const secretIndex = findMatchingHmacKey(keys, [encoder.encode(`${id}.${timestamp}.`), raw], presented);
  if (secretIndex === -1) {
    throw new AppError("unauthenticated", "no signature matches any current secret");
  }
  return { scheme: "standard-webhooks", deliveryId: id, signedAt, secretIndex };
}

/** Svix sends the same three headers as `svix-id`, `svix-timestamp` and `svix-signature`. */
function pickHeaderPrefix(headers: Headers): "webhook" | "svix" {
  const has = (prefix: string) =>
    headers.has(`${prefix}-id`) || headers.has(`${prefix}-timestamp`) || headers.has(`${prefix}-signature`);
  return !has("webhook") && has("svix") ? "svix" : "webhook";
}

/** The 32-byte MACs of all `v1` entries; other versions are skipped, malformed entries rejected. */
function parseV1Signatures(value: string, headerName: string): Uint8Array[] {
  const entries = value.split(" ").filter((entry) => entry !== "");
  if (entries.length > MAX_SIGNATURE_ENTRIES) {
    throw new AppError("unauthenticated", `${headerName} has more than ${MAX_SIGNATURE_ENTRIES} entries`);
  }
  const versions: string[] = [];
  const macs: Uint8Array[] = [];
  for (const entry of entries) {
    const comma = entry.indexOf(",");
    if (comma <= 0) {
      throw new AppError("unauthenticated", `${headerName} is malformed; expected "v1,<base64>" entries`);
    }
    const version = entry.slice(0, comma);
    versions.push(version);
    if (version !== "v1") continue;
    const mac = decodeBase64Digest(entry.slice(comma + 1));
    if (mac === null) {
      throw new AppError("unauthenticated", `${headerName} has a v1 entry that is not a base64 HMAC-SHA256`);
    }
    macs.push(mac);
  }
  if (macs.length === 0) {
    throw new AppError(
      "unauthenticated",
      `${headerName} has no v1 signature (found: ${versions.map((v) => JSON.stringify(v.slice(0, 16))).join(", ")})`,
    );
  }
  return macs;
}
