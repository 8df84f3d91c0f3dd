import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { answerEventGridHandshake } from "./answer-event-grid-handshake.ts";

const CODE = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6";
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const validationEvent = (data: unknown, eventType = "Microsoft.EventGrid.SubscriptionValidationEvent") => [
  {
    id: "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
    topic: "/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
    subject: "",
    data,
    eventType,
    eventTime: "2018-01-25T22:12:19.4556811Z",
    metadataVersion: "1",
    dataVersion: "1",
  },
];
const validationHeaders = () => new Headers({ "aeg-event-type": "SubscriptionValidation" });

function expectBadRequest(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("bad_request");
  expect((caught as AppError).message).toMatch(message);
}

describe("answerEventGridHandshake: Event Grid schema", () => {
  it("echoes the validation code", () => {
    const raw = encode(validationEvent({ validationCode: CODE, validationUrl: "https://example.invalid/x" }));
    expect(answerEventGridHandshake({ raw, headers: validationHeaders(), method: "POST" })).toEqual({
      status: 200,
      body: { validationResponse: CODE },
      headers: {},
    });
  });

  it("returns null for ordinary deliveries", () => {
    const raw = encode([{ eventType: "Microsoft.Storage.BlobCreated", data: {} }]);
    expect(
      answerEventGridHandshake({ raw, headers: new Headers({ "aeg-event-type": "Notification" }), method: "POST" }),
    ).toBeNull();
    expect(answerEventGridHandshake({ raw, headers: new Headers(), method: "POST" })).toBeNull();
  });

  it.each([
    ["not JSON", new TextEncoder().encode("validate me"), /not valid JSON/],
    ["an empty array", encode([]), /not a non-empty array of events/],
    ["an object instead of an array", encode({ data: { validationCode: CODE } }), /not a non-empty array/],
    [
      "another event type",
      encode(validationEvent({ validationCode: CODE }, "Microsoft.Storage.BlobCreated")),
      /eventType/,
    ],
    ["no code", encode(validationEvent({})), /validationCode is missing/],
    ["a numeric code", encode(validationEvent({ validationCode: 42 })), /validationCode is missing/],
    ["a code with markup", encode(validationEvent({ validationCode: "<script>alert(1)</script>" })), /validationCode/],
    ["a huge code", encode(validationEvent({ validationCode: "a".repeat(129) })), /validationCode/],
    ["a huge body", new Uint8Array(64 * 1024 + 1), /over 65536 bytes/],
  ])("rejects a malformed handshake (%s)", (_label, raw, message) => {
    expectBadRequest(() => answerEventGridHandshake({ raw, headers: validationHeaders(), method: "POST" }), message);
  });

  it("rejects a validation handshake that is not a POST", () => {
    const raw = encode(validationEvent({ validationCode: CODE }));
    expectBadRequest(
      () => answerEventGridHandshake({ raw, headers: validationHeaders(), method: "GET" }),
      /must be a POST/,
    );
  });
});

describe("answerEventGridHandshake: CloudEvents abuse protection", () => {
  it("grants the requesting origin on OPTIONS", () => {
    const headers = new Headers({ "WebHook-Request-Origin": "eventgrid.azure.net", "WebHook-Request-Rate": "120" });
    expect(answerEventGridHandshake({ raw: new Uint8Array(0), headers, method: "OPTIONS" })).toEqual({
      status: 200,
      body: null,
      headers: { "WebHook-Allowed-Origin": "eventgrid.azure.net", "WebHook-Allowed-Rate": "*", Allow: "POST, OPTIONS" },
    });
  });

  it("returns null for an OPTIONS request without WebHook-Request-Origin", () => {
    expect(answerEventGridHandshake({ raw: new Uint8Array(0), headers: new Headers(), method: "OPTIONS" })).toBeNull();
  });

  it.each(["https://eventgrid.azure.net", "evil example", "a..b", "-bad.example", "x".repeat(64) + ".com", "*"])(
    "rejects a WebHook-Request-Origin that is not a DNS name (%j)",
    (origin) => {
      const headers = new Headers({ "WebHook-Request-Origin": origin });
      expectBadRequest(
        () => answerEventGridHandshake({ raw: new Uint8Array(0), headers, method: "OPTIONS" }),
        /WebHook-Request-Origin is not a DNS name/,
      );
    },
  );
});
