import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { fixturePath } from "../../testing/fixture-path.ts";
import { standardWebhooksAdapter } from "./standard-webhooks.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => standardWebhooksAdapter.parse(encode(value), new Headers());

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const envelope = {
  type: "model.evaluated",
  timestamp: "2025-03-01T10:00:00Z",
  id: "msg_2a",
  data: {
    findings: [
      {
        key: "eval/toxicity",
        check: "red-team",
        outcome: "FAIL",
        severity: "High",
        title: "Toxicity probe succeeded",
        detail: "x".repeat(800),
        subject: { kind: "model-version", name: "fraud-model", version: 3, digest: "sha256:abc" },
        observedAt: 1740826800,
        links: [
          "https://tool.example/runs/1",
          "ftp://tool.example/x",
          "javascript:alert(1)",
          "https://u:p@host.example/",
        ],
        attributes: { probe: "toxicity", passRate: 0.4, ok: false, missing: null, nested: { a: 1 }, list: [1] },
        extra: "tolerated",
      },
      { check: "drift-monitor", outcome: "info", title: "Drift checked", subject: { kind: "galaxy", name: "m" } },
      { check: "guardrail", outcome: "pass", title: "Guardrail ran" },
    ],
  },
};

describe("standardWebhooksAdapter", () => {
  it("declares its kind and media type", () => {
    expect(standardWebhooksAdapter.kind).toBe("standard-webhooks");
    expect(standardWebhooksAdapter.contentTypes[0]).toBe("application/json");
  });

  it("rejects the signing test-vector body, which has no type/timestamp/data", () => {
    const vectors = JSON.parse(readFileSync(fixturePath("webhook-signature-vectors.json"), "utf8")) as {
      standard_webhooks_v1: { body: string };
    };
    const error = thrown(() => standardWebhooksAdapter.parse(encode(vectors.standard_webhooks_v1.body), new Headers()));
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("Standard Webhooks");
    expect(error.issues.map((i) => i.field)).toEqual(["type", "timestamp", "data"]);
    expect(error.message).toContain("event type");
  });

  it("turns a payload without findings into one info event naming its type", () => {
    const result = parse({ type: "invoice.paid", timestamp: "2025-01-02T03:04:05.678+01:00", data: { amount: 3 } });
    expect(result.eventType).toBe("invoice.paid");
    expect(result.deliveryId).toBeNull();
    expect(result.effectiveAt).toBe("2025-01-02T02:04:05.678Z");
    expect(result.findings).toEqual([
      {
        key: "event:invoice.paid",
        subject: { kind: "other", name: "invoice.paid" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "Standard Webhooks event invoice.paid",
        observedAt: "2025-01-02T02:04:05.678Z",
        links: [],
        attributes: { eventType: "invoice.paid" },
      },
    ]);
  });

  it("maps the Assay finding envelope, validating and normalizing each finding", () => {
    const result = parse(envelope);
    expect(result.eventType).toBe("model.evaluated");
    expect(result.deliveryId).toBe("msg_2a");
    expect(result.effectiveAt).toBe("2025-03-01T10:00:00.000Z");
    expect(result.findings).toHaveLength(3);
    const [first, second, third] = result.findings;
    expect(first).toMatchObject({
      key: "eval/toxicity",
      subject: { kind: "model-version", name: "fraud-model", version: "3", digest: "sha256:abc" },
      check: "red-team",
      outcome: "fail",
      severity: "high",
      title: "Toxicity probe succeeded",
      observedAt: "2025-03-01T11:00:00.000Z",
      links: ["https://tool.example/runs/1"],
      attributes: { probe: "toxicity", passRate: 0.4, ok: false, missing: null, eventType: "model.evaluated" },
    });
    expect(first?.attributes).not.toHaveProperty("nested");
    expect(first?.attributes).not.toHaveProperty("list");
    expect(first?.detail).toHaveLength(500);
    expect(second).toMatchObject({
      key: "drift-monitor#1",
      subject: { kind: "other", name: "m" },
      check: "event",
      outcome: "info",
      severity: null,
      observedAt: "2025-03-01T10:00:00.000Z",
      attributes: { check: "drift-monitor", eventType: "model.evaluated" },
    });
    expect(third).toMatchObject({
      key: "guardrail#2",
      subject: { kind: "other", name: "model.evaluated" },
      check: "guardrail",
      outcome: "pass",
      links: [],
    });
  });

  it("reads data and findings sent as JSON-encoded strings", () => {
    const result = parse({
      type: "scan.done",
      timestamp: 1700000000,
      data: JSON.stringify({ findings: JSON.stringify([{ check: "model-scan", outcome: "pass", title: "Clean" }]) }),
    });
    expect(result.effectiveAt).toBe("2023-11-14T22:13:20.000Z");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ key: "model-scan#0", check: "model-scan", outcome: "pass" });
  });

  it("keeps an empty or non-array findings field as a plain event", () => {
    const empty = parse({ type: "scan.done", timestamp: "2025-01-01T00:00:00Z", data: { findings: [] } });
    expect(empty.findings.map((f) => f.check)).toEqual(["event"]);
    const odd = parse({ type: "scan.done", timestamp: "2025-01-01T00:00:00Z", data: { findings: "none" } });
    expect(odd.findings.map((f) => f.check)).toEqual(["event"]);
  });

  it("reads a batch, prefixing keys and keeping them unique", () => {
    const result = parse([
      { ...envelope, timestamp: "2025-03-01T10:00:00Z" },
      { type: "model.deployed", timestamp: "2025-03-02T10:00:00Z", data: {}, unknown: true },
      { type: "model.deployed", timestamp: "2025-02-01T10:00:00Z", data: {} },
    ]);
    expect(result.eventType).toBe("model.evaluated,model.deployed");
    expect(result.deliveryId).toBeNull();
    expect(result.effectiveAt).toBe("2025-03-02T10:00:00.000Z");
    expect(result.findings.map((f) => f.key)).toEqual([
      "0/eval/toxicity",
      "0/drift-monitor#1",
      "0/guardrail#2",
      "1/event:model.deployed",
      "2/event:model.deployed",
    ]);
  });

  it("de-duplicates keys a sender repeats", () => {
    const result = parse({
      type: "t",
      timestamp: "2025-01-01T00:00:00Z",
      data: {
        findings: [
          { key: "k", check: "event", outcome: "info", title: "a" },
          { key: "k", check: "event", outcome: "info", title: "b" },
        ],
      },
    });
    expect(result.findings.map((f) => f.key)).toEqual(["k", "k#2"]);
  });

  it("rejects an invalid finding, naming its path", () => {
    const error = thrown(() =>
      parse({
        type: "t",
        timestamp: "2025-01-01T00:00:00Z",
        data: {
          findings: [
            { check: "event", outcome: "info", title: "ok" },
            { check: "event", outcome: "maybe" },
          ],
        },
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.issues.map((i) => i.field)).toEqual(["data.findings.1.outcome", "data.findings.1.title"]);
  });

  it("names the batch index of an invalid finding", () => {
    const error = thrown(() =>
      parse([
        { type: "t", timestamp: "2025-01-01T00:00:00Z", data: {} },
        { type: "t", timestamp: "2025-01-01T00:00:00Z", data: { findings: [{ outcome: "pass", title: "x" }] } },
      ]),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.issues.map((i) => i.field)).toEqual(["1.data.findings.0.check"]);
  });

  it("rejects non-JSON with bad_request and foreign JSON with validation_failed", () => {
    expect(thrown(() => standardWebhooksAdapter.parse(encode("not json"), new Headers())).code).toBe("bad_request");
    expect(thrown(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(thrown(() => parse([])).code).toBe("validation_failed");
    expect(thrown(() => parse([1, 2])).code).toBe("validation_failed");
    expect(thrown(() => parse({ type: "t", timestamp: "2025-01-01T00:00:00Z", data: [1] })).code).toBe(
      "validation_failed",
    );
  });
});
