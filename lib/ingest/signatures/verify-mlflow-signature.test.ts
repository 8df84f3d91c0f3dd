import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { fixturePath } from "../../testing/fixture-path.ts";
import { verifyMlflowSignature } from "./verify-mlflow-signature.ts";

interface Vector {
  secret: string;
  headers: Record<string, string>;
  body: string;
}
const vector = (
  JSON.parse(readFileSync(fixturePath("webhook-signature-vectors.json"), "utf8")) as { mlflow_derived: Vector }
).mlflow_derived;
const ID = vector.headers["X-MLflow-Delivery-Id"] ?? "";
const TS = Number(vector.headers["X-MLflow-Timestamp"]);
const SIG = vector.headers["X-MLflow-Signature"] ?? "";
const now = new Date(TS * 1000);
const body = new TextEncoder().encode(vector.body);

function headers(overrides: Record<string, string | null> = {}): Headers {
  const h = new Headers(vector.headers);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) h.delete(name);
    else h.set(name, value);
  }
  return h;
}

function expectUnauthenticated(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("unauthenticated");
  expect((caught as AppError).message).toMatch(message);
}

const verify = (raw: Uint8Array, h: Headers, secrets: string[], at = now) =>
  verifyMlflowSignature({ raw, headers: h, secrets, now: at });

describe("verifyMlflowSignature", () => {
  it("verifies the derived known-answer vector with the secret's raw UTF-8 bytes", () => {
    expect(verify(body, headers(), [vector.secret])).toEqual({
      scheme: "mlflow-hmac",
      deliveryId: ID,
      signedAt: "2021-02-25T15:02:10.000Z",
      secretIndex: 0,
    });
  });

  it("rejects one flipped body byte, a re-serialized body and a wrong secret", () => {
    const flipped = body.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 0x80;
    expectUnauthenticated(
      () => verify(flipped, headers(), [vector.secret]),
      /^X-MLflow-Signature matches no current secret$/,
    );
    const reserialized = new TextEncoder().encode('{"test":2432232314}');
    expectUnauthenticated(() => verify(reserialized, headers(), [vector.secret]), /matches no current secret/);
    expectUnauthenticated(() => verify(body, headers(), ["wrong secret"]), /matches no current secret/);
  });

  it("does not base64-decode the secret (unlike Standard Webhooks)", () => {
    const asBase64 = Buffer.from(vector.secret).toString("base64");
    expectUnauthenticated(() => verify(body, headers(), [asBase64]), /matches no current secret/);
  });

  it("rejects timestamps 301 s off either way", () => {
    expectUnauthenticated(
      () => verify(body, headers(), [vector.secret], new Date((TS + 301) * 1000)),
      /^X-MLflow-Timestamp is 301 s in the past; allowed ±300 s$/,
    );
    expectUnauthenticated(
      () => verify(body, headers(), [vector.secret], new Date((TS - 301) * 1000)),
      /^X-MLflow-Timestamp is 301 s in the future; allowed ±300 s$/,
    );
  });

  it.each(["X-MLflow-Delivery-Id", "X-MLflow-Timestamp", "X-MLflow-Signature"])("rejects a missing %s", (name) => {
    expectUnauthenticated(
      () => verify(body, headers({ [name]: null }), [vector.secret]),
      new RegExp(`^missing ${name} header$`),
    );
  });

  it.each([
    ["X-MLflow-Signature", SIG.slice(3), /X-MLflow-Signature is malformed/],
    ["X-MLflow-Signature", "v1,%%%", /not a base64 HMAC-SHA256/],
    ["X-MLflow-Timestamp", "soon", /X-MLflow-Timestamp is malformed/],
  ])("rejects a malformed %s (%s)", (name, value, message) => {
    expectUnauthenticated(() => verify(body, headers({ [name]: value }), [vector.secret]), message);
  });

  it("rejects a signature of an unknown version", () => {
    expectUnauthenticated(
      () => verify(body, headers({ "X-MLflow-Signature": SIG.replace(/^v1,/, "v2,") }), [vector.secret]),
      /unsupported version "v2"; expected v1/,
    );
  });

  it("accepts any current secret and reports its index", () => {
    const old = "previous_webhook_secret";
    const oldSig = "v1," + createHmac("sha256", old).update(`${ID}.${TS}.${vector.body}`).digest("base64");
    expect(verify(body, headers(), ["previous_webhook_secret", vector.secret]).secretIndex).toBe(1);
    expect(verify(body, headers({ "X-MLflow-Signature": oldSig }), [vector.secret, old]).secretIndex).toBe(1);
    expect(verify(body, headers({ "X-MLflow-Signature": oldSig }), [old, vector.secret]).secretIndex).toBe(0);
  });
});
