import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import type { NormalizedFinding } from "../source-adapter.ts";
import { kongAdapter } from "./kong.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureJson = (name: string) => JSON.parse(readFixture(name, "utf8")) as Record<string, unknown>;
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => kongAdapter.parse(bytes(value), headers);
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

const REQUEST_ID = "9ec9264afbbbad5fe5c64877d92eeb04";

describe("kongAdapter", () => {
  it("reads the shared AI proxy log entry: request-log with usage, no consumer, three guardrails", () => {
    const parsed = kongAdapter.parse(bytes(readFixture("kong-ai-proxy-log-entry.json", "utf8")), headers);
    expect(parsed.eventType).toBe("kong.ai_log");
    expect(parsed.deliveryId).toBe(REQUEST_ID);
    expect(parsed.effectiveAt).toBe("2026-08-19T04:20:01.719Z");
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome])).toEqual([
      [`request=${REQUEST_ID}/request-log`, "request-log", "pass"],
      [`request=${REQUEST_ID}/authentication`, "authentication", "info"],
      [`request=${REQUEST_ID}/guardrail=aws-guardrails`, "guardrail", "pass"],
      [`request=${REQUEST_ID}/guardrail=pii-sanitizer`, "guardrail", "pass"],
      [`request=${REQUEST_ID}/guardrail=azure-content-safety`, "guardrail", "pass"],
    ]);
    const [log, auth, aws, sanitizer, azure] = parsed.findings;
    expect(log).toEqual({
      key: `request=${REQUEST_ID}/request-log`,
      subject: { kind: "model", name: "command" },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: `Kong AI request ${REQUEST_ID} to command (cohere): 200`,
      observedAt: "2026-08-19T04:20:01.719Z",
      links: [],
      attributes: {
        eventType: "kong.ai_log",
        requestId: REQUEST_ID,
        model: "command",
        provider: "cohere",
        aiPlugin: "proxy",
        responseModel: "command",
        statusCode: 200,
        upstreamStatus: 200,
        method: "POST",
        path: "/v1/chat/completions",
        workspace: "default",
        promptTokens: 14,
        completionTokens: 21,
        totalTokens: 35,
        cost: 0,
        llmLatencyMs: 2670,
        cacheStatus: "Hit",
      },
    });
    expect(auth?.attributes).toMatchObject({ identified: false });
    expect(aws?.attributes).toMatchObject({
      guardrail: "aws-guardrails",
      intervened: false,
      guardrailId: "gr-1234abcd",
      guardrailVersion: "DRAFT",
      mode: "BOTH",
      guardsTriggered: 0,
      inputLatencyMs: 134,
    });
    expect(aws?.title).toBe("Kong AI guardrail aws-guardrails ran and allowed the request");
    expect(sanitizer?.attributes).toMatchObject({
      guardrail: "pii-sanitizer",
      intervened: true,
      piiIdentified: 3,
      piiSanitized: 3,
      entityTypes: "EMAIL,PHONE_NUMBER",
    });
    expect(azure).toMatchObject({
      severity: "high",
      attributes: { guardrail: "azure-content-safety", intervened: true, categories: "Hate,Violence" },
    });
    // sanitized originals and the client IP are never copied
    expect(JSON.stringify(parsed)).not.toMatch(/jane\.doe|555-123-4567|192\.168\.65\.1/);
  });

  it("reads the shared MCP audit entry: a request-log per tool call and the audited consumer", () => {
    const parsed = kongAdapter.parse(bytes(readFixture("kong-ai-mcp-audit-log-entry.json", "utf8")), headers);
    expect(parsed.eventType).toBe("kong.ai_mcp_log");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toHaveLength(2);
    const [call, auth] = parsed.findings;
    expect(call).toEqual({
      key: "mcp-session=abc123session/mcp/rpc=2/request-log",
      subject: { kind: "endpoint", name: "kong" },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: "Kong AI MCP tools/call list_orders (access allow)",
      observedAt: null,
      links: [],
      attributes: {
        eventType: "kong.ai_mcp_log",
        mcpSessionId: "abc123session",
        mcpMethod: "tools/call",
        tool: "list_orders",
        rpcId: "2",
        latencyMs: 6,
        responseBytes: 5030,
        accessDecision: "allow",
        consumer: "admin",
      },
    });
    expect(auth).toMatchObject({
      key: "mcp-session=abc123session/authentication",
      check: "authentication",
      outcome: "pass",
      title: "Kong AI MCP session abc123session made by consumer admin",
      attributes: {
        consumer: "admin",
        consumerId: "6c95a611-9991-407b-b1c3-bc608d3bccc3",
        consumerIdentifier: "consumer_group",
        identified: true,
      },
    });
  });

  it("reads an http-log batch with a consumer, a 429 and the pre-3.10 plugin-name layout", () => {
    const entry = {
      request: { id: "req-429", uri: "/chat?api-key=secret", method: "POST" },
      response: {
        status: 429,
        headers: { "x-ai-ratelimit-limit-minute-openai": "100", "x-ai-ratelimit-remaining-minute-openai": "0" },
      },
      route: { id: "r1", name: "chat-route" },
      service: { id: "s1", name: "openai-svc" },
      consumer: { id: "c1", username: "billing-bot" },
      authenticated_entity: { id: "cred-1", consumer_id: "c1" },
      started_at: 1735689600000,
      ai: {
        "ai-proxy": {
          meta: { request_model: "gpt-4o", provider_name: "openai", plugin_id: "p1" },
          usage: { prompt_token: 5, completion_token: 0, total_tokens: 5, cost: 0.001 },
        },
      },
    };
    const parsed = parse([fixtureJson("kong-ai-proxy-log-entry.json"), entry]);
    expect(parsed.eventType).toBe("kong.ai_log");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2026-08-19T04:20:01.719Z");
    expect(parsed.findings).toHaveLength(8);
    const mine = parsed.findings.filter((f) => f.key.startsWith("request=req-429/"));
    expect(mine.map((f) => [f.check, f.outcome])).toEqual([
      ["request-log", "pass"],
      ["authentication", "pass"],
      ["rate-limit", "pass"],
    ]);
    expect(mine[0]?.attributes).toMatchObject({
      aiPlugin: "ai-proxy",
      consumer: "billing-bot",
      route: "chat-route",
      service: "openai-svc",
      promptTokens: 5,
      completionTokens: 0,
      cost: 0.001,
      path: "/chat",
    });
    expect(mine[1]?.attributes).toMatchObject({ consumer: "billing-bot", consumerId: "c1", credentialId: "cred-1" });
    expect(mine[2]?.attributes).toMatchObject({
      statusCode: 429,
      limiter: "ai-rate-limiting-advanced",
      limitedBy: "gateway",
    });
    expect(JSON.stringify(parsed)).not.toContain("api-key=secret");
  });

  it("reads JSON Lines from file-log and tcp-log", () => {
    const line = JSON.stringify(fixtureJson("kong-ai-mcp-audit-log-entry.json"));
    const parsed = kongAdapter.parse(
      bytes(`${JSON.stringify(fixtureJson("kong-ai-proxy-log-entry.json"))}\n${line}\n`),
      headers,
    );
    expect(parsed.eventType).toBe("kong.ai_log,kong.ai_mcp_log");
    expect(parsed.findings).toHaveLength(7);
  });

  it("reports a guardrail that blocked, and an unknown guardrail-shaped plugin, as intervened", () => {
    const parsed = parse({
      request: { id: "r2" },
      response: { status: 400 },
      ai: {
        proxy: {
          meta: { request_model: "gpt-4o", provider_name: "openai" },
          "lakera-guard": {
            input_block_reason: "prompt_attack",
            input_block_source: "ai-lakera-guard",
            guards_triggered_count: 1,
          },
          "acme-filter": { output_block_reason: "", input_block_reason: "", guards_triggered_count: 0 },
          "rag-inject": { injected: true },
        },
      },
    });
    const guardrails = byCheck(parsed.findings, "guardrail");
    expect(guardrails.map((g) => [g.attributes.guardrail, g.outcome, g.attributes.intervened])).toEqual([
      ["lakera-guard", "pass", true],
      ["acme-filter", "pass", false],
    ]);
    expect(guardrails[0]?.attributes).toMatchObject({
      blockReason: "prompt_attack",
      blockedStage: "input",
      blockSource: "ai-lakera-guard",
    });
    expect(guardrails[0]?.title).toBe("Kong AI guardrail lakera-guard ran and blocked input");
  });

  it("tolerates missing optional fields and unknown extra fields", () => {
    const parsed = parse({ ai: { proxy: { meta: {} }, brand_new: { x: 1 } }, extra: [1, 2, 3] });
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome])).toEqual([
      ["entry-0/request-log", "request-log", "pass"],
      ["entry-0/authentication", "authentication", "info"],
    ]);
    expect(parsed.findings[0]?.subject).toEqual({ kind: "endpoint", name: "kong" });
  });

  it("keeps an entry without AI data, and an unrecognised record in a batch, as info event findings", () => {
    const plain = { request: { id: "plain-1", uri: "/health" }, response: { status: 200 }, route: { name: "health" } };
    const parsed = parse([plain, { hello: "world" }]);
    expect(parsed.eventType).toBe("kong.log,kong.unknown");
    expect(parsed.findings).toEqual([
      expect.objectContaining({
        key: "request=plain-1/event",
        check: "event",
        outcome: "info",
        title: "Kong log entry without AI data (route health): 200",
      }),
      expect.objectContaining({
        key: "entry-1/event",
        check: "event",
        outcome: "info",
        attributes: { eventType: "kong.unknown" },
      }),
    ]);
  });

  it("rejects non-JSON with 400 and JSON of another shape with 422", () => {
    expect(errorOf(() => kongAdapter.parse(bytes("<html>oops</html>"), headers)).code).toBe("bad_request");
    expect(errorOf(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(errorOf(() => parse([])).code).toBe("validation_failed");
    expect(errorOf(() => parse(["a string"])).code).toBe("validation_failed");
  });
});
