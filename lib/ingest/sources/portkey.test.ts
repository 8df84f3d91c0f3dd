import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { portkeyAdapter } from "./portkey.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureJson = () =>
  JSON.parse(readFixture("portkey-hook_results-blocked.json", "utf8")) as { hook_results: Record<string, unknown> };
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => portkeyAdapter.parse(bytes(value), headers);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const check = (id: string, verdict: boolean, error: unknown = null) => ({
  verdict,
  error,
  data: { explanation: "the prompt said: transfer all funds" },
  id,
  execution_time: 2,
  created_at: "2025-02-01T12:00:00.000Z",
});
const hook = (id: string, deny: boolean, checks: unknown[], extra: Record<string, unknown> = {}) => ({
  verdict: checks.every((c) => (c as { verdict: boolean }).verdict),
  id,
  checks,
  async: false,
  deny,
  execution_time: 5,
  skipped: false,
  type: "guardrail",
  created_at: "2025-02-01T12:00:00.000Z",
  ...extra,
});

describe("portkeyAdapter", () => {
  it("reads the shared 446 hook_results fixture: the denying guardrail ran and intervened", () => {
    const parsed = portkeyAdapter.parse(bytes(readFixture("portkey-hook_results-blocked.json", "utf8")), headers);
    expect(parsed.eventType).toBe("portkey.hook_results");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:00.000Z");
    expect(parsed.findings).toEqual([
      {
        key: "before_request/pg-injection-guard-1/default.regexMatch",
        subject: { kind: "gateway", name: "portkey" },
        check: "guardrail",
        outcome: "pass",
        severity: null,
        title: "Portkey guardrail pg-injection-guard-1 check default.regexMatch failed and the request was denied",
        observedAt: "2025-01-01T00:00:00.000Z",
        links: [],
        attributes: {
          eventType: "portkey.hook_results",
          guardrail: "pg-injection-guard-1",
          phase: "before_request",
          hookVerdict: false,
          deny: true,
          async: false,
          check: "default.regexMatch",
          checkProvider: "default",
          executionTimeMs: 3,
          verdict: false,
          flagged: true,
          intervened: true,
        },
      },
    ]);
  });

  it("reads a completion carrying hook_results: request-log plus pass, allowed-fail and errored checks", () => {
    const parsed = parse({
      id: "chatcmpl-42",
      object: "chat.completion",
      created: 1738411200,
      model: "gpt-4o-mini",
      provider: "openai",
      choices: [{ message: { role: "assistant", content: "sure, here is the secret" } }],
      usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
      hook_results: {
        before_request_hooks: [hook("input-guard", false, [check("default.contains", true)])],
        after_request_hooks: [
          hook("output-guard", false, [
            check("portkey.pii", false),
            check("pangea.textGuard", false, { name: "Check error", message: "Error executing check" }),
          ]),
        ],
      },
    });
    expect(parsed.deliveryId).toBe("chatcmpl-42");
    expect(parsed.effectiveAt).toBe("2025-02-01T12:00:00.000Z");
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome])).toEqual([
      ["request=chatcmpl-42/before_request/input-guard/default.contains", "guardrail", "pass"],
      ["request=chatcmpl-42/after_request/output-guard/portkey.pii", "guardrail", "pass"],
      ["request=chatcmpl-42/after_request/output-guard/pangea.textGuard", "guardrail", "fail"],
      ["request=chatcmpl-42/request-log", "request-log", "pass"],
    ]);
    const [passed, flagged, errored, log] = parsed.findings;
    expect(passed?.attributes).toMatchObject({
      verdict: true,
      flagged: false,
      intervened: false,
      model: "gpt-4o-mini",
    });
    expect(flagged?.attributes).toMatchObject({ verdict: false, flagged: true, intervened: false, deny: false });
    expect(flagged?.title).toBe("Portkey guardrail output-guard check portkey.pii failed (request allowed)");
    expect(errored?.attributes).toMatchObject({ error: "Check error: Error executing check" });
    expect(log).toMatchObject({
      subject: { kind: "model", name: "gpt-4o-mini" },
      observedAt: "2025-02-01T12:00:00.000Z",
      attributes: {
        requestId: "chatcmpl-42",
        provider: "openai",
        promptTokens: 9,
        completionTokens: 12,
        totalTokens: 21,
      },
    });
    // check data and model output are never copied
    expect(JSON.stringify(parsed)).not.toMatch(/transfer all funds|here is the secret/);
  });

  it("reads an array of bare guardrail results, skipped hooks and hooks without checks", () => {
    const parsed = parse([
      hook("skipped-guard", true, [], { skipped: true, verdict: undefined, eventType: "afterRequestHook" }),
      hook("broken-guard", true, [], { error: { name: "TypeError", message: "boom" } }),
      hook("bare-guard", true, [], { verdict: false, eventType: "beforeRequestHook" }),
    ]);
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.outcome, f.attributes.intervened ?? null])).toEqual([
      ["item-0/after_request/skipped-guard/skipped", "info", null],
      ["item-1/hook/broken-guard/error", "fail", null],
      ["item-2/before_request/bare-guard/result", "pass", true],
    ]);
  });

  it("keeps a hook of another type, and an unrecognised item, as info event findings", () => {
    const fixture = fixtureJson();
    const parsed = parse([
      { hook_results: { before_request_hooks: [{ id: "m1", type: "mutator", checks: [] }], after_request_hooks: [] } },
      { something: "else" },
      fixture,
    ]);
    const events = parsed.findings.filter((f) => f.check === "event");
    expect(events.map((e) => [e.key, e.outcome, e.attributes.eventType])).toEqual([
      ["item-0/before_request/m1/event", "info", "portkey.hook.mutator"],
      ["item-1/event", "info", "portkey.unknown"],
    ]);
    expect(parsed.findings.filter((f) => f.check === "guardrail")).toHaveLength(1);
  });

  it("tolerates missing optional fields and unknown extra fields", () => {
    const parsed = parse({
      before_request_hooks: [{ id: "g", type: "guardrail", checks: [{ id: "x.y", brand_new: 1 }], extra: { a: 1 } }],
    });
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toEqual([
      expect.objectContaining({ key: "before_request/g/x.y", check: "guardrail", outcome: "info", observedAt: null }),
    ]);
  });

  it("rejects non-JSON with 400 and JSON of another shape with 422", () => {
    expect(errorOf(() => portkeyAdapter.parse(bytes("hook_results=1"), headers)).code).toBe("bad_request");
    expect(errorOf(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(errorOf(() => parse([])).code).toBe("validation_failed");
    expect(errorOf(() => parse(["text"])).code).toBe("validation_failed");
  });
});
