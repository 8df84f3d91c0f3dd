import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { fixturePath } from "../../testing/fixture-path.ts";
import { verifyGithubSignature } from "./verify-github-signature.ts";

interface Vector {
  secret: string;
  headers: Record<string, string>;
  body: string;
}
const vector = (
  JSON.parse(readFileSync(fixturePath("webhook-signature-vectors.json"), "utf8")) as {
    github_x_hub_signature_256: Vector;
  }
).github_x_hub_signature_256;
const SIG = vector.headers["X-Hub-Signature-256"] ?? "";
const DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
const body = new TextEncoder().encode(vector.body);

function headers(overrides: Record<string, string | null> = {}): Headers {
  const h = new Headers({ ...vector.headers, "X-GitHub-Delivery": DELIVERY });
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

const sign = (secret: string, raw: string) => "sha256=" + createHmac("sha256", secret).update(raw).digest("hex");
const verify = (raw: Uint8Array, h: Headers, secrets: string[]) => verifyGithubSignature({ raw, headers: h, secrets });

describe("verifyGithubSignature", () => {
  it("verifies GitHub's documented test values and returns the delivery GUID", () => {
    expect(verify(body, headers(), [vector.secret])).toEqual({
      scheme: "github-hmac",
      deliveryId: DELIVERY,
      signedAt: null,
      secretIndex: 0,
    });
    expect(verify(body, headers({ "X-GitHub-Delivery": null }), [vector.secret]).deliveryId).toBeNull();
  });

  it("rejects one flipped body byte and a wrong secret", () => {
    const flipped = body.slice();
    flipped[body.length - 1] = (flipped[body.length - 1] ?? 0) ^ 0x01;
    expectUnauthenticated(
      () => verify(flipped, headers(), [vector.secret]),
      /^X-Hub-Signature-256 matches no current secret$/,
    );
    expectUnauthenticated(() => verify(body, headers(), ["It's a Secret to Nobody"]), /matches no current secret/);
  });

  it("rejects a re-serialized JSON body", () => {
    const json = '{"test": 2432232314}';
    const h = headers({ "X-Hub-Signature-256": sign(vector.secret, json) });
    expect(verify(new TextEncoder().encode(json), h, [vector.secret]).secretIndex).toBe(0);
    expectUnauthenticated(
      () => verify(new TextEncoder().encode('{"test":2432232314}'), h, [vector.secret]),
      /matches no current secret/,
    );
  });

  it("rejects a missing signature header", () => {
    expectUnauthenticated(
      () => verify(body, headers({ "X-Hub-Signature-256": null }), [vector.secret]),
      /^missing X-Hub-Signature-256 header$/,
    );
  });

  it.each([
    ["uppercase hex", SIG.toUpperCase().replace("SHA256=", "sha256=")],
    ["no prefix", SIG.slice("sha256=".length)],
    ["sha1 prefix", SIG.replace("sha256=", "sha1=")],
    ["short digest", SIG.slice(0, -2)],
  ])("rejects a malformed signature (%s)", (_label, value) => {
    expectUnauthenticated(
      () => verify(body, headers({ "X-Hub-Signature-256": value }), [vector.secret]),
      /X-Hub-Signature-256 is malformed/,
    );
  });

  it("rejects a malformed delivery id", () => {
    expectUnauthenticated(
      () => verify(body, headers({ "X-GitHub-Delivery": "x".repeat(257) }), [vector.secret]),
      /X-GitHub-Delivery is malformed/,
    );
  });

  it("accepts any current secret and reports its index", () => {
    expect(verify(body, headers(), ["old secret", vector.secret]).secretIndex).toBe(1);
    expect(verify(body, headers(), [vector.secret, "old secret"]).secretIndex).toBe(0);
  });
});
