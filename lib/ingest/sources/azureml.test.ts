import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { azuremlAdapter } from "./azureml.ts";
import { readFixture } from "./shared/read-fixture.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => azuremlAdapter.parse(encode(value), new Headers());
const FIXTURE = "azureml-model_registered.cloudevents.json";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const topic = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ml-prod";

/** An event in the Event Grid schema, as in the learn.microsoft.com examples. */
function gridEvent(type: string, data: Record<string, unknown>, subject: string, id = "ev-1") {
  return {
    topic,
    subject,
    eventType: `Microsoft.MachineLearningServices.${type}`,
    eventTime: "2024-06-01T08:00:00.1234567Z",
    id,
    data,
    dataVersion: "",
    metadataVersion: "1",
  };
}

const runData = (status?: string) => ({
  experimentId: "0fa9dfaa",
  experimentName: "automl-local-regression",
  runId: "AutoML_ad912b2d_5",
  runType: null,
  runTags: {},
  runProperties: { pipeline_spec: '{"objects": []}' },
  ...(status ? { runStatus: status } : {}),
});

describe("azuremlAdapter", () => {
  it("declares its kind", () => {
    expect(azuremlAdapter.kind).toBe("azureml");
    expect(azuremlAdapter.contentTypes).toContain("application/cloudevents-batch+json");
  });

  it("reads the CloudEvents ModelRegistered example as a registry event", () => {
    const result = azuremlAdapter.parse(readFixture(FIXTURE), new Headers());
    expect(result).toEqual({
      eventType: "Microsoft.MachineLearningServices.ModelRegistered",
      deliveryId: "831e1650-001e-001b-66ab-eeb76e069631",
      effectiveAt: "2017-06-26T18:41:00.958Z",
      findings: [
        {
          key: "ModelRegistered/sklearn_regression_model@20",
          subject: { kind: "model-version", name: "sklearn_regression_model", version: "20" },
          check: "registry-event",
          outcome: "info",
          severity: null,
          title: "Azure ML model sklearn_regression_model version 20 registered",
          observedAt: "2017-06-26T18:41:00.958Z",
          links: [],
          attributes: {
            eventType: "Microsoft.MachineLearningServices.ModelRegistered",
            model: "sklearn_regression_model",
            modelVersion: "20",
            workspace: "{workspace-name}",
          },
        },
      ],
    });
  });

  it("reads the Event Grid schema and a single (non-array) event", () => {
    const result = parse(gridEvent("ModelRegistered", { modelName: "fraud" }, "models/fraud:3"));
    expect(result).toMatchObject({
      eventType: "Microsoft.MachineLearningServices.ModelRegistered",
      deliveryId: "ev-1",
      effectiveAt: "2024-06-01T08:00:00.123Z",
    });
    expect(result.findings[0]).toMatchObject({
      subject: { kind: "model-version", name: "fraud", version: "3" },
      attributes: { workspace: "ml-prod" },
    });
  });

  it("reads ModelDeployed as a registry event about the endpoint", () => {
    const result = parse([
      gridEvent(
        "ModelDeployed",
        { ServiceName: "my-sklearn-service", ServiceComputeType: "ACI", ModelIds: "m:1,m:2" },
        "endpoints/my-sklearn-service",
      ),
    ]);
    expect(result.findings[0]).toMatchObject({
      key: "ModelDeployed/my-sklearn-service/m:1,m:2",
      subject: { kind: "endpoint", name: "my-sklearn-service" },
      check: "registry-event",
      outcome: "info",
      title: "Azure ML deployed m:1,m:2 to endpoint my-sklearn-service",
      attributes: { service: "my-sklearn-service", computeType: "ACI", modelIds: "m:1,m:2" },
    });
  });

  it("maps run events to pipeline-run outcomes", () => {
    const subject = "experiments/0fa9dfaa/runs/AutoML_ad912b2d_5";
    const completed = parse([gridEvent("RunCompleted", runData(), subject)]).findings[0];
    expect(completed).toMatchObject({
      key: "RunCompleted/AutoML_ad912b2d_5/Completed",
      subject: { kind: "pipeline", name: "automl-local-regression/AutoML_ad912b2d_5" },
      check: "pipeline-run",
      outcome: "pass",
      title: "Azure ML run AutoML_ad912b2d_5 (automl-local-regression) completed",
      attributes: { runStatus: "Completed", experiment: "automl-local-regression" },
    });
    expect(completed?.attributes).not.toHaveProperty("runType");
    const failed = parse([gridEvent("RunStatusChanged", runData("failed"), subject)]).findings[0];
    expect(failed).toMatchObject({ check: "pipeline-run", outcome: "fail", attributes: { runStatus: "failed" } });
    expect(parse([gridEvent("RunStatusChanged", runData("Running"), subject)]).findings[0]?.outcome).toBe("info");
    expect(parse([gridEvent("RunStatusChanged", runData("Canceled"), subject)]).findings[0]?.outcome).toBe("info");
  });

  it("keeps drift detection as an info event with the coefficient", () => {
    const result = parse([
      gridEvent(
        "DatasetDriftDetected",
        {
          DataDriftId: "dd-1",
          DataDriftName: "myDriftMonitor",
          RunId: "dd-1_157",
          BaseDatasetId: "base-1",
          TargetDatasetId: "target-1",
          DriftCoefficient: 0.835,
          StartTime: "2019-07-04T00:00:00+00:00",
          EndTime: "2019-07-05T00:00:00+00:00",
        },
        "datadrifts/dd-1/runs/dd-1_157",
      ),
    ]);
    expect(result.findings[0]).toMatchObject({
      key: "DatasetDriftDetected/myDriftMonitor/dd-1_157",
      subject: { kind: "dataset", name: "target-1" },
      check: "event",
      outcome: "info",
      title: "Azure ML drift monitor myDriftMonitor detected dataset drift (coefficient 0.835)",
      attributes: { driftCoefficient: 0.835, dataDriftName: "myDriftMonitor", baseDatasetId: "base-1" },
    });
  });

  it("keeps the subscription validation event and unknown types as info events", () => {
    const result = parse([
      {
        id: "2d1781af",
        topic: "/subscriptions/s1",
        subject: "",
        data: { validationCode: "512d38b6", validationUrl: "https://rp-eastus2.eventgrid.azure.net/x" },
        eventType: "Microsoft.EventGrid.SubscriptionValidationEvent",
        eventTime: "2018-01-25T22:12:19.4556811Z",
      },
      { specversion: "1.0", type: "Microsoft.MachineLearningServices.ModelArchived", id: "c2", source: topic },
    ]);
    expect(result.eventType).toBe(
      "Microsoft.EventGrid.SubscriptionValidationEvent,Microsoft.MachineLearningServices.ModelArchived",
    );
    expect(result.deliveryId).toBeNull();
    expect(result.findings).toEqual([
      {
        key: "2d1781af/Microsoft.EventGrid.SubscriptionValidationEvent",
        subject: { kind: "other", name: "Microsoft.EventGrid.SubscriptionValidationEvent" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "Azure Event Grid event Microsoft.EventGrid.SubscriptionValidationEvent",
        observedAt: "2018-01-25T22:12:19.455Z",
        links: [],
        attributes: { eventType: "Microsoft.EventGrid.SubscriptionValidationEvent" },
      },
      {
        key: "c2/Microsoft.MachineLearningServices.ModelArchived",
        subject: { kind: "other", name: "Microsoft.MachineLearningServices.ModelArchived" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "Azure Event Grid event Microsoft.MachineLearningServices.ModelArchived",
        observedAt: null,
        links: [],
        attributes: { eventType: "Microsoft.MachineLearningServices.ModelArchived", workspace: "ml-prod" },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain("512d38b6");
  });

  it("keeps keys unique when a batch repeats an event id, and reads JSON-encoded data", () => {
    const event = gridEvent(
      "ModelRegistered",
      JSON.stringify({ ModelName: "m", ModelVersion: 1 }) as never,
      "models/m:1",
    );
    const result = parse([event, event]);
    expect(result.findings.map((f) => f.key)).toEqual(["ev-1/ModelRegistered/m@1", "ev-1/ModelRegistered/m@1#2"]);
    expect(result.findings[0]?.subject).toEqual({ kind: "model-version", name: "m", version: "1" });
  });

  it("rejects non-JSON with bad_request and other JSON with validation_failed", () => {
    expect(thrown(() => azuremlAdapter.parse(encode("x=1"), new Headers())).code).toBe("bad_request");
    const foreign = thrown(() => parse({ hello: 1 }));
    expect(foreign.code).toBe("validation_failed");
    expect(foreign.issues.map((i) => i.field)).toEqual(["type"]);
    expect(thrown(() => parse([gridEvent("ModelRegistered", {}, "m"), { hello: 1 }])).issues[0]?.field).toBe("1.type");
    expect(thrown(() => parse([])).code).toBe("validation_failed");
    expect(thrown(() => parse([1])).code).toBe("validation_failed");
  });
});
