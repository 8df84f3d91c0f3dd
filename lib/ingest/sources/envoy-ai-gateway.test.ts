import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import type { NormalizedFinding } from "../source-adapter.ts";
import { envoyAiGatewayAdapter } from "./envoy-ai-gateway.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureJson = () =>
  JSON.parse(readFixture("envoy-ai-gateway-accesslog-ratelimited.json", "utf8")) as Record<string, unknown>;
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => envoyAiGatewayAdapter.parse(bytes(value), headers);
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

const REQUEST_ID = "5895f5a9-e4e3-425b-98db-6c6a926195b7";
const MODEL = "us.meta.llama3-3-70b-instruct-v1:0";

/** The access-log line of envoyproxy/ai-gateway's access-log docs (documented default format). */
const documentedLine = {
  ":authority": "api.router.tetrate.ai",
  bytes_received: 105,
  bytes_sent: 432,
  duration: 1526,
  genai_backend_name: "default/tars/route/aigw-run/rule/0/ref/0",
  genai_model_name: "gpt-4o-mini",
  genai_model_name_override: null,
  genai_tokens_input: 15,
  genai_tokens_output: 7,
  genai_tokens_total: 22,
  method: "POST",
  response_code: 200,
  response_code_details: "via_upstream",
  response_flags: "-",
  route_name: "httproute/default/aigw-run/rule/0/match/0/*",
  start_time: "2025-08-30T16:51:37.894Z",
  upstream_cluster: "httproute/default/aigw-run/rule/0",
  "user-agent": "curl/8.7.1",
  "x-envoy-origin-path": "/v1/chat/completions",
  "x-forwarded-for": "192.168.1.38",
  "x-request-id": "83b63da3-45a9-4196-98b8-1a7f697d6d8d",
};

describe("envoyAiGatewayAdapter", () => {
  it("reads the shared rate-limited line: request-log, RL rate limit and the logged caller", () => {
    const parsed = envoyAiGatewayAdapter.parse(
      bytes(readFixture("envoy-ai-gateway-accesslog-ratelimited.json", "utf8")),
      headers,
    );
    expect(parsed.eventType).toBe("envoy-ai-gateway.access_log");
    expect(parsed.deliveryId).toBe(REQUEST_ID);
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:00.000Z");
    expect(parsed.findings).toHaveLength(3);
    const [log, limit, auth] = parsed.findings;
    expect(log).toEqual({
      key: `request=${REQUEST_ID}/request-log`,
      subject: { kind: "model", name: MODEL },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: `Envoy AI Gateway POST /v1/chat/completions model ${MODEL}: 429 (RL)`,
      observedAt: "2025-01-01T00:00:00.000Z",
      links: [],
      // "-" (Envoy's absent value) is dropped: no response model, tokens or upstream cluster
      attributes: {
        eventType: "envoy-ai-gateway.access_log",
        requestId: REQUEST_ID,
        model: MODEL,
        statusCode: 429,
        responseFlags: "RL",
        method: "POST",
        path: "/v1/chat/completions",
        durationMs: 2,
        caller: "tenant-a",
      },
    });
    expect(limit).toMatchObject({
      key: `request=${REQUEST_ID}/rate-limit`,
      check: "rate-limit",
      outcome: "pass",
      title: `Envoy AI Gateway rate limit rejected request ${REQUEST_ID} from tenant-a for ${MODEL}`,
      attributes: { statusCode: 429, responseFlags: "RL", limitedBy: "gateway", caller: "tenant-a" },
    });
    expect(auth).toMatchObject({
      key: `request=${REQUEST_ID}/authentication`,
      check: "authentication",
      outcome: "pass",
      attributes: { caller: "tenant-a", callerField: "x_user_id" },
    });
  });

  it("reads NDJSON in the documented default format, with tokens and backend", () => {
    const parsed = envoyAiGatewayAdapter.parse(
      bytes(`${JSON.stringify(documentedLine)}\n${JSON.stringify(fixtureJson())}\n\n`),
      headers,
    );
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2025-08-30T16:51:37.894Z");
    expect(parsed.findings).toHaveLength(4);
    const [log] = parsed.findings;
    expect(log?.attributes).toEqual({
      eventType: "envoy-ai-gateway.access_log",
      requestId: "83b63da3-45a9-4196-98b8-1a7f697d6d8d",
      model: "gpt-4o-mini",
      backend: "default/tars/route/aigw-run/rule/0/ref/0",
      statusCode: 200,
      responseCodeDetails: "via_upstream",
      method: "POST",
      path: "/v1/chat/completions",
      route: "httproute/default/aigw-run/rule/0/match/0/*",
      upstreamCluster: "httproute/default/aigw-run/rule/0",
      promptTokens: 15,
      completionTokens: 7,
      totalTokens: 22,
      durationMs: 1526,
    });
    // a 200 without RL and without a logged caller: no rate-limit, no authentication; no client IP copied
    expect(
      parsed.findings.filter((f) => f.attributes.requestId === "83b63da3-45a9-4196-98b8-1a7f697d6d8d"),
    ).toHaveLength(1);
    expect(JSON.stringify(parsed)).not.toContain("192.168.1.38");
  });

  it("reads a JSON array, MCP lines, upstream 429s, RLSE and shipper-wrapped lines", () => {
    const parsed = parse([
      {
        start_time: "2025-10-08T10:42:11.430Z",
        response_code: "200",
        mcp_method: "tools/call",
        "mcp.tool.name": "resolve-library-id",
        mcp_backend: "context7",
        mcp_session_id: null,
        "x-envoy-origin-path": "/mcp",
        "x-request-id": "mcp-1",
        "jwt.sub": "agent-7",
      },
      { ...documentedLine, "x-request-id": "up-429", response_code: 429 },
      { ...documentedLine, "x-request-id": "rlse", response_code: 500, response_flags: "RLSE" },
      { log: `${JSON.stringify({ ...documentedLine, "x-request-id": "wrapped" })}\n`, stream: "stdout" },
    ]);
    const mcp = parsed.findings.filter((f) => f.attributes.requestId === "mcp-1");
    expect(mcp.map((f) => [f.check, f.outcome])).toEqual([
      ["request-log", "pass"],
      ["authentication", "pass"],
    ]);
    expect(mcp[0]).toMatchObject({
      subject: { kind: "endpoint", name: "context7" },
      attributes: { mcpMethod: "tools/call", tool: "resolve-library-id", mcpBackend: "context7", statusCode: 200 },
    });
    expect(mcp[1]?.attributes).toMatchObject({ caller: "agent-7", callerField: "jwt.sub" });
    expect(
      byCheck(parsed.findings, "rate-limit").map((f) => [f.key, f.outcome, f.attributes.limitedBy ?? null]),
    ).toEqual([
      ["request=up-429/rate-limit", "pass", "upstream"],
      ["request=rlse/rate-limit", "error", null],
    ]);
    expect(parsed.findings.some((f) => f.key === "request=wrapped/request-log")).toBe(true);
  });

  it("never takes a credential-looking header for a caller", () => {
    const parsed = parse({ ...fixtureJson(), x_user_id: "-", caller: "Bearer abc.def", client_id: "sk-123" });
    expect(byCheck(parsed.findings, "authentication")).toHaveLength(0);
    expect(JSON.stringify(parsed)).not.toMatch(/abc\.def|sk-123/);
  });

  it("tolerates missing optional fields and unknown extra fields", () => {
    const parsed = parse({ response_code: 503, brand_new: { nested: true } });
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.findings).toEqual([
      {
        key: "line-0/request-log",
        subject: { kind: "endpoint", name: "envoy-ai-gateway" },
        check: "request-log",
        outcome: "pass",
        severity: null,
        title: "Envoy AI Gateway : 503",
        observedAt: null,
        links: [],
        attributes: { eventType: "envoy-ai-gateway.access_log", statusCode: 503 },
      },
    ]);
  });

  it("reads an out-of-range start time as no time instead of failing", () => {
    const parsed = parse({ response_code: 200, start_time: "99999999999999999" });
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings[0]?.observedAt).toBeNull();
  });

  it("keeps an unrecognised line as an info event finding", () => {
    const parsed = envoyAiGatewayAdapter.parse(
      bytes(`${JSON.stringify(fixtureJson())}\n{"level":"info","msg":"started"}`),
      headers,
    );
    expect(parsed.eventType).toBe("envoy-ai-gateway.access_log,envoy-ai-gateway.unknown");
    expect(byCheck(parsed.findings, "event")).toEqual([
      expect.objectContaining({
        key: "line-1/event",
        outcome: "info",
        attributes: { eventType: "envoy-ai-gateway.unknown" },
      }),
    ]);
  });

  it("rejects non-JSON with 400 and JSON of another shape with 422", () => {
    expect(
      errorOf(() => envoyAiGatewayAdapter.parse(bytes('[2025-01-01T00:00:00Z] "POST /v1" 429 RL'), headers)).code,
    ).toBe("bad_request");
    expect(errorOf(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(errorOf(() => parse([])).code).toBe("validation_failed");
    expect(errorOf(() => envoyAiGatewayAdapter.parse(bytes("1\n2\n"), headers)).code).toBe("validation_failed");
  });
});
