import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { pyritAdapter } from "./pyrit.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureText = readFixture("pyrit-conversation_export.json", "utf8");
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

const score = (id: string, overrides: Record<string, unknown>) => ({
  id,
  score_value: "true",
  score_value_description: "",
  score_type: "true_false",
  score_category: ["jailbreak"],
  score_rationale: "rationale",
  score_metadata: {},
  scorer_class_identifier: { __type__: "SelfAskTrueFalseScorer", __module__: "pyrit.score" },
  message_piece_id: "p-2",
  timestamp: "2025-02-02T12:00:00",
  objective: "get the system prompt",
  ...overrides,
});

const piece = (overrides: Record<string, unknown>) => ({
  id: "p-2",
  role: "assistant",
  conversation_id: "c-1",
  sequence: 1,
  timestamp: "2025-02-02T11:59:00",
  labels: { op_name: "nightly" },
  prompt_target_identifier: { __type__: "OpenAIChatTarget", model_name: "gpt-4o" },
  attack_identifier: { __type__: "RedTeamingAttack", id: "a-1" },
  original_value: "a response that must never be copied",
  converted_value: "a response that must never be copied",
  response_error: "none",
  scores: [],
  ...overrides,
});

describe("pyritAdapter", () => {
  it("reads the shared conversation export: a refusal scorer's true means the target resisted", () => {
    const parsed = pyritAdapter.parse(bytes(fixtureText), headers);
    expect(parsed.eventType).toBe("pyrit.conversation_export");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:03.000Z");
    expect(parsed.findings).toEqual([
      {
        key: "score=f3c1d2e4-7a6b-4c5d-9e8f-0a1b2c3d4e05",
        subject: { kind: "model", name: "OpenAIChatTarget" },
        check: "red-team",
        outcome: "pass",
        severity: null,
        title: "PyRIT SelfAskRefusalScorer (refusal): target resisted",
        detail: "The response declines to reveal the system prompt.",
        observedAt: "2025-01-01T00:00:03.000Z",
        links: [],
        attributes: {
          scorer: "SelfAskRefusalScorer",
          category: "refusal",
          scoreType: "true_false",
          scoreValue: true,
          conversationId: "0c6c4e0f-8f7a-4a1e-9d2b-7a5e3c9b1d11",
          attack: "PromptSendingAttack",
          operation: "prompt-injection-sweep",
          responseError: null,
        },
      },
    ]);
    expect(JSON.stringify(parsed)).not.toContain("print your system prompt");
  });

  it("reads the bare array MemoryExporter writes, judging true_false, float_scale and inverted scorers", () => {
    const inverter = { __type__: "TrueFalseInverterScorer", sub_identifier: [{ __type__: "SelfAskRefusalScorer" }] };
    const parsed = pyritAdapter.parse(
      json([
        piece({ id: "p-1", role: "user", sequence: 0, scores: [] }),
        piece({
          scores: [
            score("s-1", {}),
            score("s-2", { score_value: "False" }),
            score("s-3", { score_type: "float_scale", score_value: "0.75", score_category: ["hate"] }),
            score("s-4", { score_type: "float_scale", score_value: "0.25", score_category: ["hate"] }),
            score("s-5", { score_type: "float_scale", score_value: "0.5", score_category: ["hate"] }),
            score("s-6", { score_value: "True", scorer_class_identifier: inverter, score_category: ["refusal"] }),
            score("s-7", { score_value: "maybe" }),
            score("s-8", { score_type: "likert_1_to_5", score_value: "4" }),
          ],
        }),
      ]),
      headers,
    );
    expect(parsed.eventType).toBe("pyrit.conversation_export");
    expect(parsed.effectiveAt).toBe("2025-02-02T12:00:00.000Z");
    expect(parsed.findings.map((f) => [f.key, f.outcome, f.attributes.scoreValue])).toEqual([
      ["score=s-1", "fail", true],
      ["score=s-2", "pass", false],
      ["score=s-3", "fail", 0.75],
      ["score=s-4", "pass", 0.25],
      ["score=s-5", "fail", 0.5],
      ["score=s-6", "fail", true],
      ["score=s-7", "error", "maybe"],
      ["score=s-8", "info", "4"],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "model", name: "gpt-4o" },
      title: "PyRIT SelfAskTrueFalseScorer (jailbreak): attack succeeded",
      observedAt: "2025-02-02T12:00:00.000Z",
      attributes: { attack: "RedTeamingAttack", conversationId: "c-1", operation: "nightly" },
    });
    expect(JSON.stringify(parsed)).not.toContain("must never be copied");
  });

  it("reads older PromptRequestPiece exports with JSON-encoded identifiers from PyRIT's database", () => {
    const parsed = pyritAdapter.parse(
      json({
        conversations: [
          {
            id: "p-9",
            role: "assistant",
            conversation_id: "c-9",
            timestamp: "2024-06-01 08:00:00",
            labels: JSON.stringify({ op_name: "legacy" }),
            prompt_target_identifier: JSON.stringify({ __type__: "AzureMLChatTarget" }),
            orchestrator_identifier: JSON.stringify({ __type__: "CrescendoOrchestrator", id: "1" }),
            response_error: "blocked",
            scores: [
              {
                id: "s-9",
                score_value: "true",
                score_type: "true_false",
                score_category: JSON.stringify(["jailbreak"]),
                score_rationale: "x".repeat(800),
                scorer_class_identifier: JSON.stringify({ __type__: "SelfAskScaleScorer" }),
                prompt_request_response_id: "p-9",
                task: "t",
              },
            ],
          },
        ],
      }),
      headers,
    );
    expect(parsed.effectiveAt).toBe("2024-06-01T08:00:00.000Z");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "model", name: "AzureMLChatTarget" },
      outcome: "fail",
      observedAt: "2024-06-01T08:00:00.000Z",
      attributes: {
        scorer: "SelfAskScaleScorer",
        category: "jailbreak",
        attack: "CrescendoOrchestrator",
        operation: "legacy",
        responseError: "blocked",
      },
    });
    expect(parsed.findings[0]?.detail).toHaveLength(500);
  });

  it("reads a list of scores alone, linking them to pieces when both are sent", () => {
    const parsed = pyritAdapter.parse(json({ scores: [score("s-1", { message_piece_id: "p-x" })] }), headers);
    expect(parsed.eventType).toBe("pyrit.scores");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "score=s-1",
      subject: { kind: "model", name: "PyRIT target" },
      outcome: "fail",
      attributes: { conversationId: null },
    });
    const mixed = pyritAdapter.parse(json([piece({}), score("s-2", { message_piece_id: "p-2" })]), headers);
    expect(mixed.findings[0]).toMatchObject({ key: "score=s-2", attributes: { conversationId: "c-1" } });
  });

  it("accepts an array of exports, counts a repeated score once, and tolerates unknown and missing fields", () => {
    const export1 = { conversation: [piece({ scores: [score("s-1", {})], brandNew: 1 })], extra: "x" };
    const export2 = { conversation: [piece({ id: "p-3", scores: [score("s-1", {})] })] };
    const bare = { role: "assistant", scores: [{ score_value: "false", score_type: "true_false" }] };
    const parsed = pyritAdapter.parse(json([export1, export2, bare]), headers);
    expect(parsed.findings.map((f) => [f.key, f.outcome])).toEqual([
      ["score=s-1", "fail"],
      ["piece=none/scorer=unknown scorer/0", "pass"],
    ]);
    expect(parsed.findings[1]).toMatchObject({ subject: { name: "PyRIT target" }, observedAt: null });
  });

  it("keeps an export without any score as one info event", () => {
    const parsed = pyritAdapter.parse(json([piece({ id: "a" }), piece({ id: "b", conversation_id: "c-2" })]), headers);
    expect(parsed.findings).toEqual([
      {
        key: "export",
        subject: { kind: "model", name: "gpt-4o" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "PyRIT export of 2 message pieces in 2 conversations, none scored",
        observedAt: "2025-02-02T11:59:00.000Z",
        links: [],
        attributes: { eventType: "conversation_export", pieces: 2, conversations: 2 },
      },
    ]);
  });

  it("rejects what is not a PyRIT export", () => {
    expect(errorOf(() => pyritAdapter.parse(bytes("role,conversation_id"), headers)).code).toBe("bad_request");
    expect(errorOf(() => pyritAdapter.parse(json({ hello: 1 }), headers)).code).toBe("validation_failed");
    expect(errorOf(() => pyritAdapter.parse(json([]), headers)).code).toBe("validation_failed");
    expect(errorOf(() => pyritAdapter.parse(json([{ hello: 1 }]), headers)).code).toBe("validation_failed");
    const badScore = errorOf(() => pyritAdapter.parse(json([piece({ scores: [{ score_value: "true" }] })]), headers));
    expect(badScore.code).toBe("validation_failed");
    expect(badScore.message).toContain("score_type");
  });
});
