import { AppError } from "../../errors/app-error.ts";
import { checkSignedTimestamp } from "./check-signed-timestamp.ts";
import { decodeBase64Digest } from "./decode-base64-digest.ts";
import { findMatchingHmacKey } from "./find-matching-hmac-key.ts";
import { readDeliveryId } from "./read-delivery-id.ts";
import type { TimestampedHmacInput, VerifiedDelivery } from "./signature-types.ts";

const encoder = new TextEncoder();

/**
 * Verifies an MLflow model-registry webhook delivery (MLflow 3.x, `mlflow/webhooks/delivery.py`; see the
 * MLflow docs page "Webhooks"). MLflow sends `X-MLflow-Delivery-Id`, `X-MLflow-Timestamp` (integer Unix
 * seconds) and `X-MLflow-Signature: v1,<base64>`, where the MAC is HMAC-SHA256 over the bytes
 * `<delivery id>.<timestamp>.<raw body>` keyed with the secret's own UTF-8 bytes. The layout follows
 * Standard Webhooks, but unlike there the secret is not base64-decoded. The timestamp must lie within the
 * tolerance (default 300 s) of `now`; any current secret verifies (rotation).
 */
export function verifyMlflowSignature({
  raw,
  headers,
  secrets,
  now,
  toleranceSeconds = 300,
}: TimestampedHmacInput): VerifiedDelivery {
  const id = readDeliveryId(headers, "X-MLflow-Delivery-Id", true) ?? "";
  const timestamp = headers.get("X-MLflow-Timestamp");
  if (timestamp === null || timestamp === "") {
    throw new AppError("unauthenticated", "missing X-MLflow-Timestamp header");
  }
  const signature = headers.get("X-MLflow-Signature");
  if (signature === null || signature === "") {
    throw new AppError("unauthenticated", "missing X-MLflow-Signature header");
  }
  const signedAt = checkSignedTimestamp(timestamp, "X-MLflow-Timestamp", now, toleranceSeconds);
  const mac = parseSignature(signature);
  if (secrets.length === 0) {
    throw new AppError("unauthenticated", "no current secret is configured for this source");
  }
  const keys = secrets.map((secret) => encoder.encode(secret));
  const secretIndex = findMatchingHmacKey(keys, [encoder.encode(`${id}.${timestamp}.`), raw], [mac]);
  if (secretIndex === -1) {
    throw new AppError("unauthenticated", "X-MLflow-Signature matches no current secret");
  }
  return { scheme: "mlflow-hmac", deliveryId: id, signedAt, secretIndex };
}

function parseSignature(value: string): Uint8Array {
  const comma = value.indexOf(",");
  if (comma <= 0) {
    throw new AppError("unauthenticated", 'X-MLflow-Signature is malformed; expected "v1,<base64>"');
  }
  const version = value.slice(0, comma);
  if (version !== "v1") {
    throw new AppError(
      "unauthenticated",
      `X-MLflow-Signature has unsupported version ${JSON.stringify(version.slice(0, 16))}; expected v1`,
    );
  }
  const mac = decodeBase64Digest(value.slice(comma + 1));
  if (mac === null) {
    throw new AppError("unauthenticated", "X-MLflow-Signature is not a base64 HMAC-SHA256");
  }
  return mac;
}
