import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import type { VerifiedDelivery } from "./signature-types.ts";
import { verifyGithubSignature } from "./verify-github-signature.ts";
import { verifyMlflowSignature } from "./verify-mlflow-signature.ts";
import { verifyStandardWebhooks } from "./verify-standard-webhooks.ts";

const seed = 20261124;
console.log("fast-check seed", seed);

/** True when `run` throws an AppError coded `unauthenticated`; false when it returns or throws anything else. */
function rejectsAsUnauthenticated(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return error instanceof AppError && error.code === "unauthenticated";
  }
}

/** Replaces the byte at `position` with a different byte (any value). */
function mutateBytes(bytes: Uint8Array, position: number, delta: number): Uint8Array {
  const copy = bytes.slice();
  const at = position % copy.length;
  copy[at] = ((copy[at] ?? 0) + delta) % 256;
  return copy;
}

/** Replaces the character at `position` with a different visible ASCII character (a valid header value). */
function mutateHeader(text: string, position: number, delta: number): string {
  const at = position % text.length;
  const old = text.charCodeAt(at) - 0x21;
  const replacement = String.fromCharCode(((old + (delta % 93) + 1) % 94) + 0x21);
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

const concat = (a: string, body: Uint8Array) => Buffer.concat([Buffer.from(a), body]);
const headerId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
const unixSeconds = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });
const body = fc.uint8Array({ minLength: 1, maxLength: 512 });
const target = fc.constantFrom("body", "id", "timestamp", "signature");
const position = fc.nat();
const delta = fc.integer({ min: 1, max: 255 });

interface Delivery {
  raw: Uint8Array;
  id: string;
  timestamp: string;
  signature: string;
}

function mutate(delivery: Delivery, what: string, at: number, by: number): Delivery {
  switch (what) {
    case "body":
      return { ...delivery, raw: mutateBytes(delivery.raw, at, by) };
    case "id":
      return { ...delivery, id: mutateHeader(delivery.id, at, by) };
    case "timestamp":
      return { ...delivery, timestamp: mutateHeader(delivery.timestamp, at, by) };
    default:
      return { ...delivery, signature: mutateHeader(delivery.signature, at, by) };
  }
}

describe("signature properties (fast-check)", () => {
  it("Standard Webhooks: sign-then-verify succeeds; any single-byte mutation is unauthenticated", () => {
    fc.assert(
      fc.property(
        body,
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        headerId,
        unixSeconds,
        target,
        position,
        delta,
        (raw, key, id, ts, what, at, by) => {
          const secret = "whsec_" + Buffer.from(key).toString("base64");
          const timestamp = String(ts);
          const signature =
            "v1," +
            createHmac("sha256", key)
              .update(concat(`${id}.${timestamp}.`, raw))
              .digest("base64");
          const now = new Date(ts * 1000);
          const verify = (d: Delivery): VerifiedDelivery =>
            verifyStandardWebhooks({
              raw: d.raw,
              headers: new Headers({
                "webhook-id": d.id,
                "webhook-timestamp": d.timestamp,
                "webhook-signature": d.signature,
              }),
              secrets: [secret],
              now,
            });
          const delivery = { raw, id, timestamp, signature };
          const verified = verify(delivery);
          expect(verified).toEqual({
            scheme: "standard-webhooks",
            deliveryId: id,
            signedAt: now.toISOString(),
            secretIndex: 0,
          });
          expect(rejectsAsUnauthenticated(() => verify(mutate(delivery, what, at, by)))).toBe(true);
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it("MLflow: sign-then-verify succeeds; any single-byte mutation is unauthenticated", () => {
    fc.assert(
      fc.property(
        body,
        fc.string({ minLength: 1, maxLength: 64 }),
        headerId,
        unixSeconds,
        target,
        position,
        delta,
        (raw, secret, id, ts, what, at, by) => {
          const timestamp = String(ts);
          const signature =
            "v1," +
            createHmac("sha256", Buffer.from(secret, "utf8"))
              .update(concat(`${id}.${timestamp}.`, raw))
              .digest("base64");
          const now = new Date(ts * 1000);
          const verify = (d: Delivery): VerifiedDelivery =>
            verifyMlflowSignature({
              raw: d.raw,
              headers: new Headers({
                "X-MLflow-Delivery-Id": d.id,
                "X-MLflow-Timestamp": d.timestamp,
                "X-MLflow-Signature": d.signature,
              }),
              secrets: [secret],
              now,
            });
          const delivery = { raw, id, timestamp, signature };
          expect(verify(delivery)).toMatchObject({ deliveryId: id, secretIndex: 0 });
          expect(rejectsAsUnauthenticated(() => verify(mutate(delivery, what, at, by)))).toBe(true);
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it("GitHub: sign-then-verify succeeds; any single-byte mutation of body or signature is unauthenticated", () => {
    fc.assert(
      fc.property(
        body,
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.boolean(),
        position,
        delta,
        (raw, secret, onBody, at, by) => {
          const signature = "sha256=" + createHmac("sha256", Buffer.from(secret, "utf8")).update(raw).digest("hex");
          const verify = (bytes: Uint8Array, sig: string) =>
            verifyGithubSignature({
              raw: bytes,
              headers: new Headers({ "X-Hub-Signature-256": sig }),
              secrets: [secret],
            });
          expect(verify(raw, signature).secretIndex).toBe(0);
          const mutated = onBody
            ? verify.bind(null, mutateBytes(raw, at, by), signature)
            : verify.bind(null, raw, mutateHeader(signature, at, by));
          expect(rejectsAsUnauthenticated(mutated)).toBe(true);
        },
      ),
      { seed, numRuns: 300 },
    );
  });
});
