import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { fixturePath } from "../../testing/fixture-path.ts";
import { verifyStandardWebhooks } from "./verify-standard-webhooks.ts";

interface Vector {
  secret: string;
  headers: Record<string, string>;
  body: string;
}
const vectors = JSON.parse(readFileSync(fixturePath("webhook-signature-vectors.json"), "utf8")) as {
  standard_webhooks_v1: Vector;
};
const vector = vectors.standard_webhooks_v1;
const ID = vector.headers["webhook-id"] ?? "";
const TS = Number(vector.headers["webhook-timestamp"]);
const SIG = vector.headers["webhook-signature"] ?? "";
const now = new Date(TS * 1000);
const body = new TextEncoder().encode(vector.body);

function sign(secret: string, id: string, ts: number, raw: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return "v1," + createHmac("sha256", key).update(`${id}.${ts}.${raw}`).digest("base64");
}

function headers(overrides: Record<string, string | null> = {}): Headers {
  const h = new Headers(vector.headers);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) h.delete(name);
    else h.set(name, value);
  }
  return h;
}

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

const OTHER_SECRET = "whsec_" + Buffer.from("another secret of 32 bytes......").toString("base64");

describe("verifyStandardWebhooks", () => {
  it("verifies the upstream known-answer vector", () => {
    expect(verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [vector.secret], now })).toEqual({
      scheme: "standard-webhooks",
      deliveryId: ID,
      signedAt: "2021-02-25T15:02:10.000Z",
      secretIndex: 0,
    });
  });

  it("rejects one flipped body byte", () => {
    const flipped = body.slice();
    flipped[3] = (flipped[3] ?? 0) ^ 0x01;
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: flipped, headers: headers(), secrets: [vector.secret], now }),
      /^no signature matches any current secret$/,
    );
  });

  it("rejects the same JSON re-serialized (verification is on the raw bytes)", () => {
    const reserialized = new TextEncoder().encode(JSON.stringify(JSON.parse(vector.body)));
    expect(new TextDecoder().decode(reserialized)).toBe('{"test":2432232314}');
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: reserialized, headers: headers(), secrets: [vector.secret], now }),
      /no signature matches/,
    );
  });

  it("rejects a wrong secret", () => {
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [OTHER_SECRET], now }),
      /no signature matches any current secret/,
    );
  });

  it("rejects a timestamp 301 s old or 301 s ahead, accepts ±300 s", () => {
    const at = (seconds: number) => new Date((TS + seconds) * 1000);
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [vector.secret], now: at(301) }),
      /^webhook-timestamp is 301 s in the past; allowed ±300 s$/,
    );
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [vector.secret], now: at(-301) }),
      /^webhook-timestamp is 301 s in the future; allowed ±300 s$/,
    );
    for (const skew of [300, -300]) {
      expect(
        verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [vector.secret], now: at(skew) }),
      ).toMatchObject({ secretIndex: 0 });
    }
  });

  it("honours a custom tolerance", () => {
    const later = new Date((TS + 60) * 1000);
    expectUnauthenticated(
      () =>
        verifyStandardWebhooks({
          raw: body,
          headers: headers(),
          secrets: [vector.secret],
          now: later,
          toleranceSeconds: 30,
        }),
      /60 s in the past; allowed ±30 s/,
    );
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("rejects a missing %s header", (name) => {
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: headers({ [name]: null }), secrets: [vector.secret], now }),
      new RegExp(`^missing ${name} header$`),
    );
  });

  it.each([
    ["webhook-signature", "garbage", /webhook-signature is malformed/],
    ["webhook-signature", "v1,not-base64!", /v1 entry that is not a base64 HMAC-SHA256/],
    ["webhook-signature", "v1," + Buffer.alloc(16).toString("base64"), /v1 entry that is not a base64 HMAC-SHA256/],
    ["webhook-timestamp", "1614265330.5", /webhook-timestamp is malformed/],
    ["webhook-timestamp", "-1614265330", /webhook-timestamp is malformed/],
    ["webhook-id", "msg with spaces", /webhook-id is malformed/],
  ])("rejects a malformed %s header (%s)", (name, value, message) => {
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: headers({ [name]: value }), secrets: [vector.secret], now }),
      message,
    );
  });

  it("rejects a base64 signature that decodes to the right MAC but is not canonical", () => {
    // The last base64 character carries 2 unused bits: E (000100) and F (000101) decode alike in Node.
    expect(SIG.endsWith("E=")).toBe(true);
    const sloppy = SIG.slice(0, -2) + "F=";
    expect(Buffer.from(sloppy.slice(3), "base64")).toEqual(Buffer.from(SIG.slice(3), "base64"));
    expectUnauthenticated(
      () =>
        verifyStandardWebhooks({
          raw: body,
          headers: headers({ "webhook-signature": sloppy }),
          secrets: [vector.secret],
          now,
        }),
      /not a base64 HMAC-SHA256/,
    );
  });

  it("rejects a header holding only signatures of an unknown version", () => {
    const unknown = SIG.replace(/^v1,/, "v1a,");
    expectUnauthenticated(
      () =>
        verifyStandardWebhooks({
          raw: body,
          headers: headers({ "webhook-signature": unknown }),
          secrets: [vector.secret],
          now,
        }),
      /^webhook-signature has no v1 signature \(found: "v1a"\)$/,
    );
  });

  it("skips unknown versions next to a valid v1 entry", () => {
    const mixed = `v1a,${Buffer.alloc(64).toString("base64")} ${SIG} v2,whatever`;
    expect(
      verifyStandardWebhooks({
        raw: body,
        headers: headers({ "webhook-signature": mixed }),
        secrets: [vector.secret],
        now,
      }),
    ).toMatchObject({ secretIndex: 0 });
  });

  it("supports rotation: several signatures and several secrets, reporting which secret verified", () => {
    const oldSig = sign(OTHER_SECRET, ID, TS, vector.body);
    const both = `${oldSig} ${SIG}`;
    const verify = (signature: string, secrets: string[]) =>
      verifyStandardWebhooks({ raw: body, headers: headers({ "webhook-signature": signature }), secrets, now });
    expect(verify(both, [vector.secret]).secretIndex).toBe(0);
    expect(verify(both, [OTHER_SECRET]).secretIndex).toBe(0);
    expect(verify(SIG, [OTHER_SECRET, vector.secret]).secretIndex).toBe(1);
    expect(verify(oldSig, [vector.secret, OTHER_SECRET]).secretIndex).toBe(1);
    expect(verify(both, [OTHER_SECRET, vector.secret]).secretIndex).toBe(0);
    expectUnauthenticated(() => verify(oldSig, [vector.secret]), /no signature matches/);
  });

  it("reads the svix-* aliases Svix sends", () => {
    const svix = new Headers({ "svix-id": ID, "svix-timestamp": String(TS), "svix-signature": SIG });
    expect(verifyStandardWebhooks({ raw: body, headers: svix, secrets: [vector.secret], now })).toMatchObject({
      deliveryId: ID,
      secretIndex: 0,
    });
    svix.delete("svix-signature");
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: svix, secrets: [vector.secret], now }),
      /^missing svix-signature header$/,
    );
  });

  it("accepts a secret without the whsec_ prefix as plain base64", () => {
    const bare = vector.secret.slice("whsec_".length);
    expect(verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [bare], now }).secretIndex).toBe(0);
  });

  it("fails closed without secrets and reports an undecodable secret as configuration", () => {
    expectUnauthenticated(
      () => verifyStandardWebhooks({ raw: body, headers: headers(), secrets: [], now }),
      /no current secret is configured/,
    );
    expect(
      rejection(() => verifyStandardWebhooks({ raw: body, headers: headers(), secrets: ["whsec_***"], now })).code,
    ).toBe("config_invalid");
  });
});
