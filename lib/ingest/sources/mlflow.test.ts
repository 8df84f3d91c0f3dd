import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { mlflowAdapter } from "./mlflow.ts";
import { readFixture } from "./shared/read-fixture.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => mlflowAdapter.parse(encode(value), new Headers());
const parseFixture = (name: string) =>
  mlflowAdapter.parse(readFixture(name), new Headers({ "X-MLflow-Delivery-Id": "d-1" }));

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const at = "2025-01-01T00:00:00.000Z";

describe("mlflowAdapter", () => {
  it("declares its kind", () => {
    expect(mlflowAdapter.kind).toBe("mlflow");
    expect(mlflowAdapter.contentTypes[0]).toBe("application/json");
  });

  it("reads registered_model.created as a registry event about the model", () => {
    const result = parseFixture("mlflow-registered_model_created.json");
    expect(result).toMatchObject({ eventType: "registered_model.created", deliveryId: null, effectiveAt: at });
    expect(result.findings).toEqual([
      {
        key: "registered_model.created/example_model",
        subject: { kind: "model", name: "example_model" },
        check: "registry-event",
        outcome: "info",
        severity: null,
        title: "MLflow model example_model created",
        detail: "An example registered model",
        observedAt: at,
        links: [],
        attributes: {
          eventType: "registered_model.created",
          entity: "registered_model",
          action: "created",
          assetType: "model",
          model: "example_model",
        },
      },
    ]);
  });

  it("reads model_version.created with version, run and source", () => {
    const result = parseFixture("mlflow-model_version_created.json");
    expect(result).toMatchObject({ eventType: "model_version.created", effectiveAt: at });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      key: "model_version.created/example_model@1",
      subject: { kind: "model-version", name: "example_model", version: "1" },
      check: "registry-event",
      outcome: "info",
      title: "MLflow model example_model version 1 created",
      detail: "An example model version",
      attributes: {
        model: "example_model",
        version: "1",
        runId: "abcd1234abcd5678",
        source: "runs:/abcd1234abcd5678/model",
      },
    });
  });

  it("reads model_version_alias.created; an ordinary alias is not an approval", () => {
    const result = parseFixture("mlflow-model_version_alias_created.json");
    expect(result).toMatchObject({ eventType: "model_version_alias.created", effectiveAt: at });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      key: "model_version_alias.created/example_model@1/alias=example_alias",
      subject: { kind: "model-version", name: "example_model", version: "1" },
      check: "registry-event",
      outcome: "info",
      title: 'MLflow alias "example_alias" set on model example_model version 1',
      attributes: { alias: "example_alias", version: "1" },
    });
  });

  it("adds a passing model-approval when a promotion alias is set", () => {
    const result = parse({
      entity: "model_version_alias",
      action: "created",
      timestamp: at,
      data: { name: "fraud", alias: "Champion", version: "7" },
    });
    expect(result.findings.map((f) => [f.check, f.outcome])).toEqual([
      ["registry-event", "info"],
      ["model-approval", "pass"],
    ]);
    expect(result.findings[1]).toMatchObject({
      key: "model_version_alias.created/fraud@7/alias=Champion/approval",
      subject: { kind: "model-version", name: "fraud", version: "7" },
      title: 'MLflow model fraud version 7 promoted with alias "Champion"',
    });
  });

  it("maps approval tags to model-approval outcomes", () => {
    const tag = (key: string, value: string) =>
      parse({
        entity: "model_version_tag",
        action: "set",
        timestamp: at,
        data: { name: "m", version: "2", key, value },
      }).findings.map((f) => `${f.check}:${f.outcome}`);
    expect(tag("validation_status", "approved")).toEqual(["registry-event:info", "model-approval:pass"]);
    expect(tag("approval_status", "Rejected")).toEqual(["registry-event:info", "model-approval:fail"]);
    expect(tag("validation_status", "pending")).toEqual(["registry-event:info", "model-approval:info"]);
    expect(tag("owner", "approved")).toEqual(["registry-event:info"]);
    const deleted = parse({
      entity: "model_version_tag",
      action: "deleted",
      timestamp: at,
      data: { name: "m", version: "2", key: "validation_status" },
    });
    expect(deleted.findings.map((f) => f.check)).toEqual(["registry-event"]);
    expect(deleted.findings[0]?.title).toBe('MLflow tag "validation_status" deleted from model m version 2');
  });

  it("reads prompt events without copying the template", () => {
    const result = parse({
      entity: "prompt_version",
      action: "created",
      timestamp: at,
      data: { name: "support-bot", version: "4", template: "SECRET PROMPT TEXT", tags: {}, description: null },
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      subject: { kind: "other", name: "support-bot", version: "4" },
      check: "registry-event",
      attributes: { assetType: "prompt", prompt: "support-bot", version: "4" },
    });
    expect(JSON.stringify(result)).not.toContain("SECRET PROMPT TEXT");
  });

  it("reads budget_policy.exceeded as spend", () => {
    const result = parse({
      entity: "budget_policy",
      action: "exceeded",
      timestamp: at,
      data: {
        budget_policy_id: "bp-1",
        budget_unit: "USD",
        budget_amount: 100,
        current_spend: 120.5,
        duration_unit: "DAYS",
        duration_value: 1,
        target_scope: "WORKSPACE",
        workspace: "default",
        window_start: 1735689600000,
      },
    });
    expect(result.findings[0]).toMatchObject({
      key: "budget_policy.exceeded/bp-1/1735689600000",
      subject: { kind: "gateway", name: "default" },
      check: "spend",
      outcome: "info",
      title: "MLflow budget policy bp-1 exceeded: 120.5 of 100 USD",
      attributes: { budgetPolicyId: "bp-1", budgetAmount: 100, currentSpend: 120.5, targetScope: "WORKSPACE" },
    });
  });

  it("keeps unknown events as info, tolerating extra fields and a JSON-encoded data string", () => {
    const result = parse({
      entity: "experiment",
      action: "archived",
      timestamp: "not a date",
      data: JSON.stringify({ name: "exp-1" }),
      extra: { anything: true },
    });
    expect(result).toMatchObject({ eventType: "experiment.archived", effectiveAt: null });
    expect(result.findings).toEqual([
      {
        key: "experiment.archived/exp-1",
        subject: { kind: "other", name: "exp-1" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "MLflow event experiment.archived on exp-1",
        observedAt: null,
        links: [],
        attributes: { eventType: "experiment.archived", entity: "experiment", name: "exp-1" },
      },
    ]);
  });

  it("tolerates missing optional fields", () => {
    const result = parse({ entity: "model_version", action: "created" });
    expect(result).toMatchObject({ eventType: "model_version.created", effectiveAt: null });
    expect(result.findings[0]).toMatchObject({
      subject: { kind: "model", name: "(unnamed)" },
      check: "registry-event",
    });
  });

  it("reads a batch of envelopes with unique keys", () => {
    const one = { entity: "registered_model", action: "created", timestamp: at, data: { name: "a" } };
    const result = parse([one, one, { ...one, timestamp: "2025-02-01T00:00:00Z" }]);
    expect(result.eventType).toBe("registered_model.created");
    expect(result.effectiveAt).toBe("2025-02-01T00:00:00.000Z");
    expect(result.findings.map((f) => f.key)).toEqual([
      "0/registered_model.created/a",
      "1/registered_model.created/a",
      "2/registered_model.created/a",
    ]);
  });

  it("rejects non-JSON with bad_request and other JSON with validation_failed", () => {
    expect(thrown(() => mlflowAdapter.parse(encode("{oops"), new Headers())).code).toBe("bad_request");
    const foreign = thrown(() => parse({ hello: 1 }));
    expect(foreign.code).toBe("validation_failed");
    expect(foreign.issues.map((i) => i.field)).toEqual(["entity", "action"]);
    expect(thrown(() => parse([])).code).toBe("validation_failed");
    expect(thrown(() => parse('"just a string"')).code).toBe("validation_failed");
  });
});
