import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import type { NormalizedFinding } from "../source-adapter.ts";
import { litellmAdapter } from "./litellm.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureJson = (name: string) => JSON.parse(readFixture(name, "utf8")) as Record<string, unknown>;
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => litellmAdapter.parse(bytes(value), headers);
const byCheck = (findings: NormalizedFinding[], check: string) => findings.filter((f) => f.check === check);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const STANDARD_ID = "chatcmpl-2299b6a2-82a3-465a-b47c-04e685a2227f";
const SPEND_ID = "chatcmpl-2283081b-dc89-41f6-93e6-d4f914774027";
const GUARD_ID = "chatcmpl-6f0c1b7e-0000-4000-8000-000000000001";
const KEY_HASH = "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b";

describe("litellmAdapter", () => {
  it("reads the shared StandardLoggingPayload fixture: request-log, unauthenticated caller, spend", () => {
    const parsed = litellmAdapter.parse(bytes(readFixture("litellm-standard_logging_payload.json", "utf8")), headers);
    expect(parsed.eventType).toBe("litellm.standard_logging_payload");
    expect(parsed.deliveryId).toBe(STANDARD_ID);
    // `startTime` is Python datetime text without a zone: read as UTC
    expect(parsed.effectiveAt).toBe("2025-01-24T09:20:46.847Z");
    expect(parsed.findings.map((f) => [f.check, f.outcome])).toEqual([
      ["request-log", "pass"],
      ["authentication", "info"],
      ["spend", "pass"],
    ]);
    const [log, auth, spend] = parsed.findings;
    expect(log).toEqual({
      key: `standard_logging_payload/${STANDARD_ID}/request-log`,
      subject: { kind: "model", name: "gpt-4o" },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: `LiteLLM acompletion ${STANDARD_ID} to gpt-4o: success`,
      observedAt: "2025-01-24T09:20:46.847Z",
      links: [],
      attributes: {
        eventType: "litellm.standard_logging_payload",
        requestId: STANDARD_ID,
        model: "gpt-4o",
        provider: "openai",
        status: "success",
        callType: "acompletion",
        promptTokens: 10,
        completionTokens: 20,
        totalTokens: 30,
        cost: 0.00022500000000000002,
      },
    });
    expect(auth?.attributes).toMatchObject({ identified: false, requestId: STANDARD_ID });
    expect(auth?.attributes).not.toHaveProperty("apiKeyHash");
    expect(spend?.attributes).toMatchObject({ cost: 0.00022500000000000002, totalTokens: 30, costTracked: true });
    // the prompt ("Hello, world!") and the response ("hi") are never copied
    expect(JSON.stringify(parsed)).not.toMatch(/Hello, world|"hi"/);
  });

  it("reads the shared SpendLogs fixture, decoding its JSON-encoded metadata and tags", () => {
    const parsed = litellmAdapter.parse(bytes(readFixture("litellm-spend_log.json", "utf8")), headers);
    expect(parsed.eventType).toBe("litellm.spend_log");
    expect(parsed.deliveryId).toBe(SPEND_ID);
    expect(parsed.effectiveAt).toBe("2025-01-24T09:20:46.847Z");
    expect(parsed.findings).toHaveLength(3);
    const [log, auth, spend] = parsed.findings;
    expect(log?.key).toBe(`spend_log/${SPEND_ID}/request-log`);
    expect(log?.attributes).toEqual({
      eventType: "litellm.spend_log",
      requestId: SPEND_ID,
      model: "gpt-4o",
      provider: "openai",
      status: "success",
      callType: "acompletion",
      traceId: "1234567890",
      promptTokens: 10,
      completionTokens: 20,
      totalTokens: 30,
      cost: 0.00022500000000000002,
    });
    // api_key, user and team_id are empty strings: no identified caller
    expect(auth).toMatchObject({ check: "authentication", outcome: "info", attributes: { identified: false } });
    expect(spend).toMatchObject({ check: "spend", outcome: "pass", attributes: { costTracked: true } });
  });

  it("reads the shared guardrail fixture: an intervened guardrail passes, the keyed caller is authenticated", () => {
    const parsed = litellmAdapter.parse(bytes(readFixture("litellm-guardrail_intervened.json", "utf8")), headers);
    expect(parsed.eventType).toBe("litellm.standard_logging_payload");
    expect(parsed.deliveryId).toBe(GUARD_ID);
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:00.100Z");
    expect(parsed.findings.map((f) => [f.check, f.outcome])).toEqual([
      ["request-log", "pass"],
      ["authentication", "pass"],
      ["spend", "pass"],
      ["guardrail", "pass"],
    ]);
    const [log, auth, , guardrail] = parsed.findings;
    expect(log?.attributes).toMatchObject({
      status: "failure",
      statusCode: 400,
      errorClass: "BadRequestError",
      tags: "prod",
    });
    expect(log?.detail).toBe("Violated guardrail policy");
    expect(auth?.attributes).toMatchObject({
      apiKeyHash: KEY_HASH,
      keyAlias: "ci-bot",
      team: "team-ml-platform",
      user: "svc-chatbot",
      endUser: "customer-42",
      identified: true,
    });
    expect(auth?.title).toBe(`LiteLLM request ${GUARD_ID} made with ci-bot`);
    expect(guardrail).toEqual({
      key: `standard_logging_payload/${GUARD_ID}/guardrail=prompt-injection-guard@pre_call`,
      subject: { kind: "model", name: "gpt-4o" },
      check: "guardrail",
      outcome: "pass",
      severity: null,
      title: `LiteLLM guardrail prompt-injection-guard intervened on request ${GUARD_ID}`,
      observedAt: "2025-01-01T00:00:00.100Z",
      links: [],
      attributes: {
        eventType: "litellm.standard_logging_payload",
        guardrail: "prompt-injection-guard",
        guardrailProvider: "lakera",
        mode: "pre_call",
        guardrailStatus: "guardrail_intervened",
        intervened: true,
        action: "BLOCKED",
        riskScore: 0.97,
        violationCategories: "prompt_injection",
        durationSeconds: 0.05,
        requestId: GUARD_ID,
        model: "gpt-4o",
        apiKeyHash: KEY_HASH,
        team: "team-ml-platform",
      },
    });
    // a 400 from a guardrail is not a rate limit; the blocked prompt and the IP are never copied
    expect(byCheck(parsed.findings, "rate-limit")).toHaveLength(0);
    expect(JSON.stringify(parsed)).not.toMatch(/Ignore all previous|10\.0\.0\.12/);
  });

  it("maps every GuardrailStatus: failed_to_respond fails, success passes, not_run is info", () => {
    const payload = fixtureJson("litellm-guardrail_intervened.json");
    const entry = (name: string, status: string) => ({
      guardrail_name: name,
      guardrail_status: status,
      guardrail_mode: ["pre_call", "post_call"],
    });
    payload.guardrail_information = [
      entry("presidio", "success"),
      entry("lakera", "guardrail_failed_to_respond"),
      entry("aporia", "not_run"),
      entry("legacy", "failure"),
      entry("mystery", "new_status"),
    ];
    const guardrails = byCheck(parse(payload).findings, "guardrail");
    expect(guardrails.map((g) => [g.attributes.guardrail, g.outcome, g.attributes.intervened ?? null])).toEqual([
      ["presidio", "pass", false],
      ["lakera", "fail", null],
      ["aporia", "info", null],
      ["legacy", "fail", null],
      ["mystery", "info", null],
    ]);
    expect(guardrails[0]?.attributes.mode).toBe("pre_call,post_call");
    expect(guardrails[4]?.title).toContain("(status new_status)");
  });

  it("reads a generic_api json_array batch and an ndjson batch with one finding set per request", () => {
    const first = fixtureJson("litellm-standard_logging_payload.json");
    const second = { ...fixtureJson("litellm-guardrail_intervened.json") };
    const asArray = parse([first, second]);
    const asLines = litellmAdapter.parse(bytes(`${JSON.stringify(first)}\n${JSON.stringify(second)}\n`), headers);
    for (const parsed of [asArray, asLines]) {
      expect(parsed.eventType).toBe("litellm.standard_logging_payload");
      expect(parsed.deliveryId).toBeNull();
      expect(parsed.effectiveAt).toBe("2025-01-24T09:20:46.847Z");
      expect(parsed.findings).toHaveLength(7);
      expect(byCheck(parsed.findings, "request-log").map((f) => f.attributes.requestId)).toEqual([
        STANDARD_ID,
        GUARD_ID,
      ]);
      expect(new Set(parsed.findings.map((f) => f.key)).size).toBe(7);
    }
  });

  it("reads a mixed /spend/logs/ui page and names both record kinds", () => {
    const parsed = parse({
      data: [fixtureJson("litellm-spend_log.json"), fixtureJson("litellm-standard_logging_payload.json")],
      total: 2,
      page: 1,
    });
    expect(parsed.eventType).toBe("litellm.spend_log,litellm.standard_logging_payload");
    expect(byCheck(parsed.findings, "request-log")).toHaveLength(2);
  });

  it("detects 429s and budget errors as enforced limits", () => {
    const base = fixtureJson("litellm-guardrail_intervened.json");
    const rate = parse({
      ...base,
      guardrail_information: null,
      error_information: { error_code: "429", error_class: "RateLimitError", error_message: "Rate limit reached" },
    });
    expect(byCheck(rate.findings, "rate-limit")).toMatchObject([
      { outcome: "pass", attributes: { limitType: "rate", statusCode: 429, keyAlias: "ci-bot" } },
    ]);
    const budget = parse({
      ...base,
      guardrail_information: null,
      error_information: {
        error_code: "400",
        error_class: "BudgetExceededError",
        error_message: "Budget has been exceeded!",
      },
    });
    expect(byCheck(budget.findings, "rate-limit")).toMatchObject([
      { outcome: "pass", attributes: { limitType: "budget" } },
    ]);
    // a successful request never yields a rate-limit finding
    expect(byCheck(parse(fixtureJson("litellm-standard_logging_payload.json")).findings, "rate-limit")).toHaveLength(0);
  });

  it("reads spend-log metadata guardrails and keyed callers, and never keeps a raw key", () => {
    const row = fixtureJson("litellm-spend_log.json");
    const metadata = JSON.stringify({
      user_api_key: KEY_HASH,
      user_api_key_alias: "batch-job",
      user_api_key_team_id: "team-a",
      status: "failure",
      error_information: { error_code: "429", error_class: "RateLimitError", error_message: "Crossed TPM limit" },
      guardrail_information: {
        guardrail_name: "pii",
        guardrail_status: "success",
        masked_entity_count: { EMAIL: 2, PHONE: 1 },
      },
    });
    const parsed = parse({ ...row, api_key: "", status: "failure", metadata, request_tags: '["nightly","etl"]' });
    const [log, auth] = parsed.findings;
    expect(log?.attributes).toMatchObject({
      apiKeyHash: KEY_HASH,
      keyAlias: "batch-job",
      team: "team-a",
      tags: "nightly,etl",
    });
    expect(auth?.outcome).toBe("pass");
    expect(byCheck(parsed.findings, "rate-limit")).toHaveLength(1);
    expect(byCheck(parsed.findings, "guardrail")).toMatchObject([
      { outcome: "pass", attributes: { guardrail: "pii", maskedEntities: 3, intervened: false } },
    ]);

    const raw = parse({ ...row, api_key: "sk-live-secret-value" });
    expect(JSON.stringify(raw)).not.toContain("sk-live-secret-value");
    expect(raw.findings[1]?.outcome).toBe("info");
  });

  it("tolerates missing optional fields and extra unknown fields", () => {
    const parsed = parse({ id: "req-1", call_type: "completion", brand_new_field: { nested: [1, 2] } });
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings.map((f) => [f.check, f.outcome])).toEqual([
      ["request-log", "pass"],
      ["authentication", "info"],
      ["spend", "info"],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "gateway", name: "litellm" },
      title: "LiteLLM completion req-1 to an unknown model: status not stated",
    });
  });

  it("keeps an unrecognised record in a batch as an info event finding", () => {
    const parsed = parse([
      fixtureJson("litellm-standard_logging_payload.json"),
      { event: "key.rotated", key_alias: "x" },
    ]);
    const events = byCheck(parsed.findings, "event");
    expect(events).toEqual([
      expect.objectContaining({ key: "record-1/event", outcome: "info", attributes: { eventType: "litellm.unknown" } }),
    ]);
    expect(events[0]?.title).toContain("event, key_alias");
  });

  it("reads a bare guardrail information record", () => {
    const parsed = parse({
      guardrail_name: "bedrock",
      guardrail_status: "guardrail_intervened",
      start_time: 1735689600,
    });
    expect(parsed.eventType).toBe("litellm.guardrail_information");
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toMatchObject([
      {
        key: "guardrail-record-0/guardrail=bedrock",
        check: "guardrail",
        outcome: "pass",
        observedAt: "2025-01-01T00:00:00.000Z",
        attributes: { intervened: true, eventType: "litellm.guardrail_information" },
      },
    ]);
  });

  it("rejects non-JSON with 400 and JSON of another shape with 422", () => {
    expect(errorOf(() => litellmAdapter.parse(bytes("not json at all"), headers)).code).toBe("bad_request");
    expect(errorOf(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(errorOf(() => parse([])).code).toBe("validation_failed");
    expect(errorOf(() => parse([1, 2])).code).toBe("validation_failed");
    expect(errorOf(() => parse({ id: 5, call_type: "completion" })).code).toBe("validation_failed");
  });
});
