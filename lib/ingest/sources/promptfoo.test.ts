import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { promptfooAdapter } from "./promptfoo.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureText = readFixture("promptfoo-redteam-results.json", "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const result = (overrides: Record<string, unknown>) => ({
  id: "r-1",
  promptIdx: 0,
  testIdx: 0,
  provider: { id: "openai:gpt-4o-mini", label: "" },
  prompt: { raw: "a prompt that must never be copied", label: "p" },
  vars: { q: "a prompt that must never be copied" },
  response: { output: "model output" },
  success: true,
  score: 1,
  failureReason: 0,
  gradingResult: { pass: true, score: 1, reason: "All assertions passed" },
  namedScores: {},
  latencyMs: 3,
  testCase: { vars: {}, metadata: {} },
  metadata: {},
  ...overrides,
});

const file = (results: unknown[], extra: Record<string, unknown> = {}) => ({
  evalId: "eval-abc-2025-05-01T10:00:00",
  results: { version: 3, timestamp: "2025-05-01T10:00:00.000Z", prompts: [], results, stats: {} },
  config: {},
  shareableUrl: null,
  ...extra,
});

describe("promptfooAdapter", () => {
  it("reads the shared red-team results fixture", () => {
    const parsed = promptfooAdapter.parse(bytes(fixtureText), headers);
    expect(parsed.eventType).toBe("promptfoo.redteam");
    expect(parsed.deliveryId).toBe("eval-GoP-2026-06-23T17:14:06");
    expect(parsed.effectiveAt).toBe("2026-06-23T17:14:06.067Z");
    expect(parsed.findings).toHaveLength(2);
    expect(parsed.findings[0]).toEqual({
      key: "result=1a014822-1f91-4c38-a581-a7f7df8f1d80",
      subject: { kind: "model", name: "echo" },
      check: "red-team",
      outcome: "fail",
      severity: "high",
      title: "promptfoo indirect-prompt-injection: attack succeeded",
      detail: 'Expected output to not contain "Ignore previous instructions"',
      observedAt: "2026-06-23T17:14:06.067Z",
      links: [],
      attributes: {
        pluginId: "indirect-prompt-injection",
        strategyId: null,
        severity: "high",
        harmCategory: "Prompt Injection",
        provider: "echo",
        score: 0,
      },
    });
    // a plain assertion test of a run without a redteam config proves no control: context only
    expect(parsed.findings[1]).toEqual({
      key: "result=603e194d-4484-411c-805f-278ffed2fb27",
      subject: { kind: "model", name: "echo" },
      check: "event",
      outcome: "info",
      severity: null,
      title: "promptfoo test #8 passed",
      detail: "All assertions passed",
      observedAt: "2026-06-23T17:14:06.067Z",
      links: [],
      attributes: { eventType: "eval-result", provider: "echo", passed: true, score: 1, failureReason: 0 },
    });
    expect(JSON.stringify(parsed)).not.toContain("reveal your system prompt");
  });

  it("treats every result of a redteam run as red-team, with strategies, errors and the share link", () => {
    const parsed = promptfooAdapter.parse(
      json(
        file(
          [
            result({
              id: "r-1",
              metadata: { pluginId: "harmful:hate", strategyId: "jailbreak", severity: "Critical" },
            }),
            result({ id: "r-2", success: false, score: 0, gradingResult: { pass: false, reason: "complied" } }),
            result({
              id: "r-3",
              success: false,
              failureReason: 2,
              error: "429 Too Many Requests",
              gradingResult: null,
            }),
            result({ id: "r-4", success: false, testCase: { metadata: { pluginId: "pii:direct", severity: "high" } } }),
          ],
          {
            config: { redteam: { purpose: "support bot", plugins: ["harmful:hate"] } },
            shareableUrl: "https://www.promptfoo.app/eval/eval-abc",
          },
        ),
      ),
      headers,
    );
    expect(parsed.eventType).toBe("promptfoo.redteam");
    expect(parsed.effectiveAt).toBe("2025-05-01T10:00:00.000Z");
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome, f.severity, f.attributes.pluginId])).toEqual([
      ["result=r-1", "red-team", "pass", null, "harmful:hate"],
      ["result=r-2", "red-team", "fail", null, null],
      ["result=r-3", "red-team", "error", null, null],
      ["result=r-4", "red-team", "fail", "high", "pii:direct"],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "model", name: "openai:gpt-4o-mini" },
      title: "promptfoo harmful:hate via jailbreak: resisted",
      links: ["https://www.promptfoo.app/eval/eval-abc"],
      attributes: { strategyId: "jailbreak", severity: "critical" },
    });
    expect(parsed.findings[2]).toMatchObject({ detail: "429 Too Many Requests" });
  });

  it("reads a plain eval as promptfoo.eval context only", () => {
    const parsed = promptfooAdapter.parse(
      json(file([result({ id: "r-1", description: "greets politely", success: false, score: 0.2 })])),
      headers,
    );
    expect(parsed.eventType).toBe("promptfoo.eval");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      check: "event",
      outcome: "info",
      title: 'promptfoo test "greets politely" failed',
      attributes: { passed: false, score: 0.2 },
    });
  });

  it("reads the oldest layout (results array at the top) and results without ids or optional fields", () => {
    const parsed = promptfooAdapter.parse(
      json({
        version: 1,
        timestamp: "2024-01-02T03:04:05Z",
        results: [
          { provider: "ollama:llama3", success: false, testCase: { metadata: { pluginId: "hijacking" } }, testIdx: 7 },
        ],
        table: { head: {}, body: [] },
        stats: { successes: 0, failures: 1 },
      }),
      headers,
    );
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2024-01-02T03:04:05.000Z");
    expect(parsed.findings).toEqual([
      {
        key: "prompt=0/test=7/provider=ollama:llama3",
        subject: { kind: "model", name: "ollama:llama3" },
        check: "red-team",
        outcome: "fail",
        severity: null,
        title: "promptfoo hijacking: attack succeeded",
        observedAt: "2024-01-02T03:04:05.000Z",
        links: [],
        attributes: {
          pluginId: "hijacking",
          strategyId: null,
          severity: null,
          harmCategory: null,
          provider: "ollama:llama3",
          score: null,
        },
      },
    ]);
  });

  it("reads a JSON array of results files, keeping keys apart per eval", () => {
    const one = file([result({ id: "same", metadata: { pluginId: "contracts" } })], { evalId: "eval-1" });
    const two = file([result({ id: "same", metadata: { pluginId: "contracts" }, success: false })], {
      evalId: "eval-2",
      results: { version: 3, timestamp: "2025-06-01T00:00:00Z", results: [] },
    });
    two.results.results.push(result({ id: "same", metadata: { pluginId: "contracts" }, success: false }));
    const parsed = promptfooAdapter.parse(json([one, two]), headers);
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2025-05-01T10:00:00.000Z");
    expect(parsed.findings.map((f) => [f.key, f.outcome, f.observedAt])).toEqual([
      ["eval=eval-1/result=same", "pass", "2025-05-01T10:00:00.000Z"],
      ["eval=eval-2/result=same", "fail", "2025-06-01T00:00:00.000Z"],
    ]);
  });

  it("ignores unknown fields and wrongly typed optional fields", () => {
    const parsed = promptfooAdapter.parse(
      json(
        file([result({ id: "r-9", brandNew: { x: 1 }, score: "high", metadata: { pluginId: "rbac", severity: 5 } })], {
          somethingNew: true,
        }),
      ),
      headers,
    );
    expect(parsed.findings[0]).toMatchObject({
      check: "red-team",
      outcome: "pass",
      attributes: { pluginId: "rbac", severity: null, score: null },
    });
  });

  it("rejects what is not a promptfoo results file", () => {
    expect(errorOf(() => promptfooAdapter.parse(bytes("<html>"), headers)).code).toBe("bad_request");
    expect(errorOf(() => promptfooAdapter.parse(json({ hello: 1 }), headers)).code).toBe("validation_failed");
    expect(errorOf(() => promptfooAdapter.parse(json([]), headers)).code).toBe("validation_failed");
    expect(errorOf(() => promptfooAdapter.parse(json({ results: "many" }), headers)).code).toBe("validation_failed");
    const notResults = errorOf(() => promptfooAdapter.parse(json({ results: [{ foo: 1 }] }), headers));
    expect(notResults.code).toBe("validation_failed");
    expect(notResults.message).toContain("expected a promptfoo result");
  });
});
