import { describe, expect, it } from "vitest";
import { hashSecret } from "../../auth/hash-secret.ts";
import { AppError } from "../../errors/app-error.ts";
import { constantTimeEqual } from "./constant-time-equal.ts";
import { verifyBearerToken } from "./verify-bearer-token.ts";
import { verifyGitlabToken } from "./verify-gitlab-token.ts";
import { verifyHuggingfaceSecret } from "./verify-huggingface-secret.ts";
import { verifySharedToken } from "./verify-shared-token.ts";

const TOKEN = "glwt_3f9a1c0e7b2d4e6f8a0b";
const OLD = "glwt_old_token_value_000";
const tokenHashes = [hashSecret(OLD), hashSecret(TOKEN)];

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

function expectUnauthenticated(run: () => unknown, message: RegExp): void {
  const error = rejection(run);
  expect(error.code).toBe("unauthenticated");
  expect(error.message).toMatch(message);
}

describe("constantTimeEqual", () => {
  it("is true only for identical bytes and false (not an exception) for different lengths", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});

describe("verifySharedToken", () => {
  it("matches the SHA-256 of the presented token and reports which stored hash matched", () => {
    expect(verifySharedToken({ presented: TOKEN, tokenHashes, scheme: "api-token" })).toEqual({
      scheme: "api-token",
      deliveryId: null,
      signedAt: null,
      secretIndex: 1,
    });
    expect(verifySharedToken({ presented: OLD, tokenHashes, scheme: "api-token" }).secretIndex).toBe(0);
    const twice = [hashSecret(TOKEN), hashSecret(TOKEN)];
    expect(verifySharedToken({ presented: TOKEN, tokenHashes: twice, scheme: "api-token" }).secretIndex).toBe(0);
  });

  it("rejects prefixes, extensions and case changes of a valid token", () => {
    for (const presented of [TOKEN.slice(0, -1), TOKEN + "x", TOKEN.toUpperCase()]) {
      expectUnauthenticated(
        () => verifySharedToken({ presented, tokenHashes, scheme: "api-token" }),
        /^presented token matches no current token$/,
      );
    }
  });

  it("fails closed on an empty token or no stored hashes, and flags a malformed stored hash as configuration", () => {
    expectUnauthenticated(() => verifySharedToken({ presented: "", tokenHashes, scheme: "api-token" }), /is empty/);
    expectUnauthenticated(
      () => verifySharedToken({ presented: TOKEN, tokenHashes: [], scheme: "api-token" }),
      /no current token is configured/,
    );
    expect(
      rejection(() => verifySharedToken({ presented: TOKEN, tokenHashes: [TOKEN], scheme: "api-token" })).code,
    ).toBe("config_invalid");
  });
});

describe("verifyGitlabToken", () => {
  const headers = (extra: Record<string, string> = {}) =>
    new Headers({ "X-Gitlab-Token": TOKEN, "X-Gitlab-Event": "Pipeline Hook", ...extra });

  it("verifies X-Gitlab-Token and takes the delivery id from Idempotency-Key", () => {
    const h = headers({
      "Idempotency-Key": "f5e5f430-f57b-4e6e-9fac-d9128cd7232f",
      "X-Gitlab-Event-UUID": "13792a34-cac6-4fda-95a8-c58e00a3954e",
      "X-Gitlab-Webhook-UUID": "02affd2d-2cba-4033-917d-ec22d5dc4b38",
    });
    expect(verifyGitlabToken({ headers: h, tokenHashes })).toEqual({
      scheme: "gitlab-token",
      deliveryId: "f5e5f430-f57b-4e6e-9fac-d9128cd7232f",
      signedAt: null,
      secretIndex: 1,
    });
  });

  it("never uses the per-attempt or recursion UUIDs as the delivery id", () => {
    const h = headers({
      "X-Gitlab-Event-UUID": "13792a34-cac6-4fda-95a8-c58e00a3954e",
      "X-Gitlab-Webhook-UUID": "02affd2d-2cba-4033-917d-ec22d5dc4b38",
    });
    expect(verifyGitlabToken({ headers: h, tokenHashes }).deliveryId).toBeNull();
  });

  it("rejects a wrong or missing token and a malformed Idempotency-Key", () => {
    expectUnauthenticated(
      () => verifyGitlabToken({ headers: headers({ "X-Gitlab-Token": "nope" }), tokenHashes }),
      /^X-Gitlab-Token matches no current token$/,
    );
    expectUnauthenticated(
      () => verifyGitlabToken({ headers: new Headers({ "X-Gitlab-Event": "Push Hook" }), tokenHashes }),
      /^missing X-Gitlab-Token header$/,
    );
    expectUnauthenticated(
      () => verifyGitlabToken({ headers: headers({ "Idempotency-Key": "a b" }), tokenHashes }),
      /Idempotency-Key is malformed/,
    );
  });
});

describe("verifyHuggingfaceSecret", () => {
  it("verifies X-Webhook-Secret; the Hub sends no delivery id", () => {
    expect(verifyHuggingfaceSecret({ headers: new Headers({ "X-Webhook-Secret": TOKEN }), tokenHashes })).toEqual({
      scheme: "huggingface-secret",
      deliveryId: null,
      signedAt: null,
      secretIndex: 1,
    });
  });

  it("rejects a wrong or missing secret", () => {
    expectUnauthenticated(
      () => verifyHuggingfaceSecret({ headers: new Headers({ "X-Webhook-Secret": "guess" }), tokenHashes }),
      /^X-Webhook-Secret matches no current token$/,
    );
    expectUnauthenticated(
      () => verifyHuggingfaceSecret({ headers: new Headers({ Authorization: `Bearer ${TOKEN}` }), tokenHashes }),
      /^missing X-Webhook-Secret header$/,
    );
  });
});

describe("verifyBearerToken", () => {
  it("accepts Bearer in any case and records the scheme", () => {
    for (const value of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER ${TOKEN}`]) {
      expect(verifyBearerToken({ headers: new Headers({ Authorization: value }), tokenHashes })).toEqual({
        scheme: "bearer-token",
        deliveryId: null,
        signedAt: null,
        secretIndex: 1,
      });
    }
    const h = new Headers({ Authorization: `Bearer ${OLD}` });
    expect(verifyBearerToken({ headers: h, tokenHashes, scheme: "event-grid" })).toMatchObject({
      scheme: "event-grid",
      secretIndex: 0,
    });
  });

  it("rejects a missing header, another scheme, an x-api-key and a wrong token", () => {
    expectUnauthenticated(
      () => verifyBearerToken({ headers: new Headers({ "x-api-key": TOKEN }), tokenHashes }),
      /^missing Authorization header$/,
    );
    expectUnauthenticated(
      () => verifyBearerToken({ headers: new Headers({ Authorization: `Token ${TOKEN}` }), tokenHashes }),
      /^Authorization header is not "Bearer <token>"$/,
    );
    expectUnauthenticated(
      () => verifyBearerToken({ headers: new Headers({ Authorization: `Bearer ${TOKEN} extra` }), tokenHashes }),
      /not "Bearer <token>"/,
    );
    expectUnauthenticated(
      () => verifyBearerToken({ headers: new Headers({ Authorization: "Bearer wrong" }), tokenHashes }),
      /^Bearer token matches no current token$/,
    );
  });
});
