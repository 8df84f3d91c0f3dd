import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { readFixture } from "./shared/read-fixture.ts";
import { wandbAdapter } from "./wandb.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => wandbAdapter.parse(encode(value), new Headers());
const FIXTURE = "wandb-registry_automation_webhook.json";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("wandbAdapter", () => {
  it("declares its kind", () => {
    expect(wandbAdapter.kind).toBe("wandb");
    expect(wandbAdapter.contentTypes[0]).toBe("application/json");
  });

  it("reads the documented repository-dispatch template as a registry event", () => {
    const result = wandbAdapter.parse(readFixture(FIXTURE), new Headers());
    expect(result).toEqual({
      eventType: "BUILD_AND_DEPLOY",
      deliveryId: null,
      effectiveAt: null,
      findings: [
        {
          key: "BUILD_AND_DEPLOY/<entity>/model-registry/<registered_model_name>:<alias>/alias=<alias>",
          subject: {
            kind: "model-version",
            name: "<entity>/model-registry/<registered_model_name>",
            version: "<alias>",
          },
          check: "registry-event",
          outcome: "info",
          severity: null,
          title: "W&B automation fired for artifact <entity>/model-registry/<registered_model_name>:<alias>",
          observedAt: null,
          links: [],
          attributes: {
            eventType: "BUILD_AND_DEPLOY",
            templateEventType: "BUILD_AND_DEPLOY",
            entity: "<entity>",
            project: "model-registry",
            collection: "<registered_model_name>",
            artifactVersion: "<entity>/model-registry/<registered_model_name>:<alias>",
            artifactId: "wandb-artifact://_id/QXJ0aWZhY3Q6NTE3ODg5ODg3",
            alias: "<alias>",
            author: "<wandb-user>",
          },
        },
      ],
    });
  });

  it("uses the W&B event type when rendered, and passes a promotion alias as an approval", () => {
    const result = parse({
      event_type: "ADD_ARTIFACT_ALIAS",
      alias: "production",
      artifact_version_string: "acme/wandb-registry-model/fraud:v3",
      artifact_collection_name: "fraud",
      project_name: "wandb-registry-model",
      entity_name: "acme",
      event_author: "alice",
    });
    expect(result.eventType).toBe("ADD_ARTIFACT_ALIAS");
    expect(result.findings.map((f) => [f.check, f.outcome])).toEqual([
      ["registry-event", "info"],
      ["model-approval", "pass"],
    ]);
    expect(result.findings[0]).toMatchObject({
      key: "ADD_ARTIFACT_ALIAS/acme/wandb-registry-model/fraud:v3/alias=production",
      subject: { kind: "model-version", name: "acme/wandb-registry-model/fraud", version: "v3" },
      title: 'W&B alias "production" added to artifact acme/wandb-registry-model/fraud:v3',
      attributes: { wandbEventType: "ADD_ARTIFACT_ALIAS", alias: "production", author: "alice" },
    });
    expect(result.findings[0]?.attributes).not.toHaveProperty("templateEventType");
    expect(result.findings[1]).toMatchObject({
      key: "ADD_ARTIFACT_ALIAS/acme/wandb-registry-model/fraud:v3/alias=production/approval",
      title: 'W&B artifact acme/wandb-registry-model/fraud promoted with alias "production"',
    });
  });

  it("finds variables nested, renamed by case, in JSON-encoded strings and in free text", () => {
    const result = parse({
      "@type": "MessageCard",
      sections: [
        {
          text: "Registry event: LINK_ARTIFACT for wandb-artifact://_id/ABC123",
          facts: [{ name: "Author", value: "bob" }],
          meta: JSON.stringify({ Artifact_Version_String: "acme/wandb-registry-dataset/train:v9" }),
        },
      ],
    });
    expect(result.eventType).toBe("LINK_ARTIFACT");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      subject: { kind: "dataset", name: "acme/wandb-registry-dataset/train", version: "v9" },
      check: "registry-event",
      title: "W&B artifact linked to registry: acme/wandb-registry-dataset/train:v9",
      attributes: {
        wandbEventType: "LINK_ARTIFACT",
        artifactId: "wandb-artifact://_id/ABC123",
        project: "wandb-registry-dataset",
        collection: "train",
      },
    });
    expect(result.findings[0]?.attributes).not.toHaveProperty("alias");
  });

  it("keeps run events and unrendered placeholders as info events", () => {
    const result = parse({
      event_type: "RUN_METRIC_CHANGE",
      project_name: "fraud",
      entity_name: "acme",
      alias: "${alias}",
    });
    expect(result.eventType).toBe("RUN_METRIC_CHANGE");
    expect(result.findings).toEqual([
      {
        key: "RUN_METRIC_CHANGE/acme/fraud",
        subject: { kind: "other", name: "acme/fraud" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "W&B automation event RUN_METRIC_CHANGE in acme/fraud",
        observedAt: null,
        links: [],
        attributes: {
          eventType: "RUN_METRIC_CHANGE",
          wandbEventType: "RUN_METRIC_CHANGE",
          entity: "acme",
          project: "fraud",
        },
      },
    ]);
  });

  it("keeps an unknown event type without artifact as an info event", () => {
    const result = parse({ event_type: "SOMETHING_NEW", entity_name: "acme", extra: { deep: [1, 2] } });
    expect(result.eventType).toBe("SOMETHING_NEW");
    expect(result.findings[0]).toMatchObject({ check: "event", outcome: "info", subject: { name: "acme" } });
  });

  it("reads an array of rendered payloads with unique keys", () => {
    const one = { event_type: "LINK_ARTIFACT", artifact_version_string: "acme/model-registry/m:v1" };
    const result = parse([one, one]);
    expect(result.eventType).toBe("LINK_ARTIFACT");
    expect(result.findings.map((f) => f.key)).toEqual([
      "0/LINK_ARTIFACT/acme/model-registry/m:v1",
      "1/LINK_ARTIFACT/acme/model-registry/m:v1",
    ]);
  });

  it("rejects non-JSON with bad_request and JSON without any W&B variable with validation_failed", () => {
    expect(thrown(() => wandbAdapter.parse(encode("event_type=x"), new Headers())).code).toBe("bad_request");
    const foreign = thrown(() => parse({ hello: 1 }));
    expect(foreign.code).toBe("validation_failed");
    expect(foreign.message).toContain("payload variables");
    expect(thrown(() => parse({ event_type: "${event_type}" })).code).toBe("validation_failed");
    expect(thrown(() => parse([])).code).toBe("validation_failed");
    expect(thrown(() => parse(["LINK_ARTIFACT"])).code).toBe("validation_failed");
  });
});
