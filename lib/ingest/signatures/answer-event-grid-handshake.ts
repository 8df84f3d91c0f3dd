import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import type { EventGridHandshakeAnswer } from "./signature-types.ts";

const MAX_HANDSHAKE_BYTES = 64 * 1024;
/** Event Grid sends a GUID; allow a little more, never anything that could smuggle markup or headers. */
const VALIDATION_CODE = /^[A-Za-z0-9-]{1,128}$/;
/** A DNS name (RFC 1123 labels), as CloudEvents requires for `WebHook-Request-Origin`. */
const DNS_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * Answers the endpoint-validation handshake of Azure Event Grid (Microsoft Learn, "Webhook event
 * delivery" / "Endpoint validation with Event Grid events" and "Endpoint validation with CloudEvents
 * schema"), or returns null when the request is not a handshake.
 *
 * - Event Grid schema: a POST with `aeg-event-type: SubscriptionValidation` whose body is an array whose
 *   first event has `eventType` `Microsoft.EventGrid.SubscriptionValidationEvent` and a
 *   `data.validationCode`; the answer echoes the code as `{ "validationResponse": code }`.
 * - CloudEvents v1.0 schema: the abuse-protection preflight of the CloudEvents HTTP webhook spec (section
 *   4), an OPTIONS request with `WebHook-Request-Origin: <sender DNS name>`; the answer grants that
 *   origin in `WebHook-Allowed-Origin`, allows any rate with `WebHook-Allowed-Rate: *`, and lists the
 *   methods in `Allow`.
 *
 * The handshake proves only that the endpoint agrees to receive events, not who is asking: the caller
 * must authenticate the request first (the source's bearer token or the `?token=` secret in the
 * subscription URL) and only then call this, so no one else can subscribe an Event Grid topic to an
 * Assay source. A request that claims to be a handshake but is malformed is a `bad_request`.
 */
export function answerEventGridHandshake({
  raw,
  headers,
  method,
}: {
  raw: Uint8Array;
  headers: Headers;
  method: string;
}): EventGridHandshakeAnswer | null {
  if (method.toUpperCase() === "OPTIONS") return answerCloudEventsPreflight(headers);
  if (headers.get("aeg-event-type")?.toLowerCase() !== "subscriptionvalidation") return null;
  if (method.toUpperCase() !== "POST") {
    throw new AppError("bad_request", `Event Grid subscription validation must be a POST, not ${method.slice(0, 16)}`);
  }
  if (raw.byteLength > MAX_HANDSHAKE_BYTES) {
    throw new AppError("bad_request", `Event Grid subscription validation body is over ${MAX_HANDSHAKE_BYTES} bytes`);
  }
  const events = parseJsonBytes(raw, "Event Grid subscription validation body");
  const first: unknown = Array.isArray(events) ? events[0] : undefined;
  if (!isRecord(first)) {
    throw new AppError("bad_request", "Event Grid subscription validation body is not a non-empty array of events");
  }
  if (first.eventType !== "Microsoft.EventGrid.SubscriptionValidationEvent") {
    throw new AppError(
      "bad_request",
      "Event Grid subscription validation event has eventType other than Microsoft.EventGrid.SubscriptionValidationEvent",
    );
  }
  const code = isRecord(first.data) ? first.data.validationCode : undefined;
  if (typeof code !== "string" || !VALIDATION_CODE.test(code)) {
    throw new AppError(
      "bad_request",
      "Event Grid data.validationCode is missing or not 1-128 letters, digits and hyphens",
    );
  }
  return { status: 200, body: { validationResponse: code }, headers: {} };
}

function answerCloudEventsPreflight(headers: Headers): EventGridHandshakeAnswer | null {
  const origin = headers.get("WebHook-Request-Origin");
  if (origin === null) return null;
  if (!DNS_NAME.test(origin)) {
    throw new AppError("bad_request", "WebHook-Request-Origin is not a DNS name");
  }
  return {
    status: 200,
    body: null,
    headers: { "WebHook-Allowed-Origin": origin, "WebHook-Allowed-Rate": "*", Allow: "POST, OPTIONS" },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
