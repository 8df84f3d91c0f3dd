import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../auth/hash-secret.ts";
import { AppError } from "../../errors/app-error.ts";
import { fixturePath } from "../../testing/fixture-path.ts";
import { verifyWandbSignature } from "./verify-wandb-signature.ts";

interface Vector {
  secret: string;
  headers: Record<string, string>;
  body: string;
}
const vector = (
  JSON.parse(readFileSync(fixturePath("webhook-signature-vectors.json"), "utf8")) as { wandb_derived: Vector }
).wandb_derived;
const body = new TextEncoder().encode(vector.body);
const tokenHashes = [hashSecret("your_api_key")];

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

const verify = (raw: Uint8Array, h: Headers, secrets = [vector.secret], hashes = tokenHashes) =>
  verifyWandbSignature({ raw, headers: h, secrets, tokenHashes: hashes });

describe("verifyWandbSignature", () => {
  it("verifies the derived known-answer vector (bearer token and body HMAC)", () => {
    expect(verify(body, headers())).toEqual({ scheme: "wandb-hmac", deliveryId: null, signedAt: null, secretIndex: 0 });
  });

  it("rejects one flipped body byte, a re-serialized body and a wrong secret", () => {
    const flipped = body.slice();
    flipped[5] = (flipped[5] ?? 0) ^ 0x04;
    expectUnauthenticated(() => verify(flipped, headers()), /^X-Wandb-Signature matches no current secret$/);
    expectUnauthenticated(
      () => verify(new TextEncoder().encode('{"test":2432232314}'), headers()),
      /X-Wandb-Signature matches no current secret/,
    );
    expectUnauthenticated(
      () => verify(body, headers(), ["not_the_secret"]),
      /X-Wandb-Signature matches no current secret/,
    );
  });

  it("requires the bearer token too: a valid signature with a wrong or missing token fails", () => {
    expectUnauthenticated(
      () => verify(body, headers({ Authorization: "Bearer someone_else" })),
      /^Bearer token matches no current token$/,
    );
    expectUnauthenticated(() => verify(body, headers({ Authorization: null })), /^missing Authorization header$/);
    expectUnauthenticated(
      () => verify(body, headers({ Authorization: "Basic eW91cl9hcGlfa2V5" })),
      /not "Bearer <token>"/,
    );
  });

  it("requires the signature too: a valid token without a signature fails", () => {
    expectUnauthenticated(
      () => verify(body, headers({ "X-Wandb-Signature": null })),
      /^missing X-Wandb-Signature header$/,
    );
  });

  it("rejects a malformed signature", () => {
    expectUnauthenticated(
      () => verify(body, headers({ "X-Wandb-Signature": "sha256=" + "0".repeat(64) })),
      /X-Wandb-Signature is not a base64 HMAC-SHA256/,
    );
  });

  it("accepts any current secret and token and reports the secret's index", () => {
    const oldSig = createHmac("sha256", "old_secret").update(vector.body).digest("base64");
    const h = headers({ "X-Wandb-Signature": oldSig, Authorization: "Bearer new_key" });
    expect(
      verify(body, h, [vector.secret, "old_secret"], [hashSecret("old_key"), hashSecret("new_key")]).secretIndex,
    ).toBe(1);
  });
});
