import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import type { NormalizedFinding } from "../source-adapter.ts";
import { cloudflareAiGatewayAdapter } from "./cloudflare-ai-gateway.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => cloudflareAiGatewayAdapter.parse(bytes(value), headers);
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

const LOG_ID = "01JEXAMPLE0000000000000000";
const fixtureLog = () => {
  const body = JSON.parse(readFixture("cloudflare-ai-gateway-log.json", "utf8")) as {
    result: Record<string, unknown>[];
  };
  return body.result[0] ?? {};
};
const okLog = (id: string, extra: Record<string, unknown> = {}) => ({
  ...fixtureLog(),
  id,
  created_at: "2025-01-02T10:00:00Z",
  status_code: 200,
  success: true,
  tokens_in: 12,
  tokens_out: 30,
  cost: 0.0004,
  metadata: undefined,
  ...extra,
});

describe("cloudflareAiGatewayAdapter", () => {
  it("reads the shared logs API page: a request-log and a 429 rate limit", () => {
    const parsed = cloudflareAiGatewayAdapter.parse(
      bytes(readFixture("cloudflare-ai-gateway-log.json", "utf8")),
      headers,
    );
    expect(parsed.eventType).toBe("cloudflare-ai-gateway.log");
    expect(parsed.deliveryId).toBe(LOG_ID);
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:00.000Z");
    expect(parsed.findings).toHaveLength(2);
    const [log, limit] = parsed.findings;
    expect(log).toEqual({
      key: `log=${LOG_ID}/request-log`,
      subject: { kind: "model", name: "gpt-4o-mini" },
      check: "request-log",
      outcome: "pass",
      severity: null,
      title: "Cloudflare AI Gateway openai gpt-4o-mini chat/completions: 429",
      observedAt: "2025-01-01T00:00:00.000Z",
      links: [],
      attributes: {
        eventType: "cloudflare-ai-gateway.log",
        logId: LOG_ID,
        provider: "openai",
        model: "gpt-4o-mini",
        modelType: "chat",
        path: "chat/completions",
        requestType: "chat",
        statusCode: 429,
        success: false,
        cached: false,
        durationMs: 41,
        promptTokens: 0,
        completionTokens: 0,
        totalTokens: 0,
        cost: 0,
        customCost: false,
        step: 0,
        // the JSON-encoded `metadata` string is decoded into flat attributes
        "metadata.team": "ml-platform",
        "metadata.env": "prod",
      },
    });
    expect(limit).toEqual({
      key: `log=${LOG_ID}/rate-limit`,
      subject: { kind: "model", name: "gpt-4o-mini" },
      check: "rate-limit",
      outcome: "pass",
      severity: null,
      title: `Cloudflare AI Gateway request ${LOG_ID} was rate limited (429)`,
      observedAt: "2025-01-01T00:00:00.000Z",
      links: [],
      attributes: {
        eventType: "cloudflare-ai-gateway.log",
        logId: LOG_ID,
        provider: "openai",
        model: "gpt-4o-mini",
        statusCode: 429,
      },
    });
  });

  it("reads a bare array and a single log object the same way", () => {
    const asArray = parse([fixtureLog(), okLog("01JOK")]);
    expect(asArray.deliveryId).toBeNull();
    expect(asArray.effectiveAt).toBe("2025-01-02T10:00:00.000Z");
    expect(asArray.findings.map((f) => f.key)).toEqual([
      `log=${LOG_ID}/request-log`,
      `log=${LOG_ID}/rate-limit`,
      "log=01JOK/request-log",
    ]);
    expect(asArray.findings[2]?.attributes).toMatchObject({
      statusCode: 200,
      success: true,
      totalTokens: 42,
      cost: 0.0004,
    });

    const single = parse(okLog("01JSINGLE", { cached: true }));
    expect(single.deliveryId).toBe("01JSINGLE");
    expect(single.findings).toHaveLength(1);
    expect(single.findings[0]?.title).toBe("Cloudflare AI Gateway openai gpt-4o-mini chat/completions: 200 (cached)");
  });

  it("maps DLP matches, Guardrails evaluations, authenticated gateways and rate_limited flags", () => {
    const parsed = parse({
      success: true,
      result: [
        okLog("dlp-block", { dlp: { action: "BLOCK", check: ["REQUEST"], policies: [{ id: "pii-policy" }] } }),
        okLog("dlp-flag", { dlp_action: "FLAG" }),
        okLog("guard-ok", { model: "@cf/meta/llama-guard-3-8b", provider: "workers-ai" }),
        okLog("guard-failed", { model: "@cf/meta/llama-guard-3-8b", success: false, status_code: 500 }),
        okLog("authed", { authentication: true, rate_limited: true }),
      ],
      result_info: { page: 1, per_page: 20, total_count: 5 },
    });
    const guardrails = byCheck(parsed.findings, "guardrail");
    expect(guardrails.map((g) => [g.key, g.outcome, g.attributes.intervened ?? null])).toEqual([
      ["log=dlp-block/guardrail=dlp", "pass", true],
      ["log=dlp-flag/guardrail=dlp", "pass", false],
      ["log=guard-ok/guardrail=guardrails-evaluation", "pass", null],
      ["log=guard-failed/guardrail=guardrails-evaluation", "fail", null],
    ]);
    expect(guardrails[0]?.attributes).toMatchObject({
      dlpAction: "BLOCK",
      dlpCheck: "REQUEST",
      dlpPolicies: "pii-policy",
    });
    expect(byCheck(parsed.findings, "authentication")).toMatchObject([
      { key: "log=authed/authentication", outcome: "pass", attributes: { authenticatedGateway: true } },
    ]);
    expect(byCheck(parsed.findings, "rate-limit")).toMatchObject([
      { key: "log=authed/rate-limit", attributes: { rateLimited: true } },
    ]);
  });

  it("tolerates missing optional fields and unknown extra fields", () => {
    const parsed = parse({
      id: "bare",
      path: "v1/x",
      brand_new: { deep: true },
      tokens_in: null,
      metadata: "not json",
    });
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toEqual([
      expect.objectContaining({
        key: "log=bare/request-log",
        subject: { kind: "gateway", name: "cloudflare-ai-gateway" },
        observedAt: null,
        attributes: { eventType: "cloudflare-ai-gateway.log", logId: "bare", path: "v1/x" },
      }),
    ]);
  });

  it("keeps an unrecognised item of a page as an info event finding", () => {
    const parsed = parse({ success: true, result: [fixtureLog(), { kind: "feedback", score: 1 }] });
    expect(parsed.eventType).toBe("cloudflare-ai-gateway.log,cloudflare-ai-gateway.unknown");
    expect(byCheck(parsed.findings, "event")).toEqual([
      expect.objectContaining({
        key: "item-1/event",
        outcome: "info",
        attributes: { eventType: "cloudflare-ai-gateway.unknown" },
      }),
    ]);
  });

  it("accepts an empty result page with no findings", () => {
    const parsed = parse({ success: true, result: [], result_info: { total_count: 0 } });
    expect(parsed).toEqual({
      eventType: "cloudflare-ai-gateway.log",
      deliveryId: null,
      effectiveAt: null,
      findings: [],
    });
  });

  it("rejects non-JSON with 400 and JSON of another shape with 422", () => {
    expect(errorOf(() => cloudflareAiGatewayAdapter.parse(bytes("id,model\n1,gpt"), headers)).code).toBe("bad_request");
    expect(errorOf(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(errorOf(() => parse([])).code).toBe("validation_failed");
    expect(errorOf(() => parse([42])).code).toBe("validation_failed");
    const failed = errorOf(() =>
      parse({ success: false, errors: [{ code: 10000, message: "Authentication error" }], result: null }),
    );
    expect(failed.code).toBe("validation_failed");
    expect(failed.message).toContain("Authentication error");
  });
});
