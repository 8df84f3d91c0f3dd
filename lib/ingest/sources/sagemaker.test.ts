import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { sagemakerAdapter } from "./sagemaker.ts";
import { readFixture } from "./shared/read-fixture.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => sagemakerAdapter.parse(encode(value), new Headers());
const FIXTURE = "sagemaker-model_package_state_change.json";
const fixture = () => JSON.parse(readFixture(FIXTURE, "utf8")) as Record<string, unknown>;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const ARN = "arn:aws:sagemaker:us-east-2:123456789012:model-package/versionedmp-p-idy6c3e1fiqj/2";

function withApproval(status: string): Record<string, unknown> {
  const event = fixture();
  return { ...event, detail: { ...(event.detail as object), ModelApprovalStatus: status } };
}

describe("sagemakerAdapter", () => {
  it("declares its kind", () => {
    expect(sagemakerAdapter.kind).toBe("sagemaker");
    expect(sagemakerAdapter.contentTypes[0]).toBe("application/json");
  });

  it("reads a rejected model package as a registry event and a failed approval", () => {
    const result = sagemakerAdapter.parse(readFixture(FIXTURE), new Headers());
    expect(result).toMatchObject({
      eventType: "SageMaker Model Package State Change",
      deliveryId: "844e2571-85d4-695f-b930-0153b71dcb42",
      effectiveAt: "2021-02-24T17:00:14.000Z",
    });
    expect(result.findings).toHaveLength(2);
    const attributes = {
      eventType: "SageMaker Model Package State Change",
      detailType: "SageMaker Model Package State Change",
      region: "us-east-2",
      account: "123456789012",
      modelPackageGroup: "versionedmp-p-idy6c3e1fiqj",
      modelPackageVersion: "2",
      modelPackageArn: ARN,
      approvalStatus: "Rejected",
      modelPackageStatus: "Completed",
      generatedBy:
        "arn:aws:sagemaker:us-east-2:123456789012:pipeline/versionedmp-p-idy6c3e1fiqj/execution/4r83jejmhorv",
    };
    expect(result.findings[0]).toEqual({
      key: `model-package/${ARN}/state`,
      subject: { kind: "model-version", name: "versionedmp-p-idy6c3e1fiqj", version: "2" },
      check: "registry-event",
      outcome: "info",
      severity: null,
      title: "SageMaker model package versionedmp-p-idy6c3e1fiqj version 2 changed state (Completed, Rejected)",
      observedAt: "2021-02-24T17:00:14.000Z",
      links: [],
      attributes,
    });
    expect(result.findings[1]).toEqual({
      key: `model-package/${ARN}/approval`,
      subject: { kind: "model-version", name: "versionedmp-p-idy6c3e1fiqj", version: "2" },
      check: "model-approval",
      outcome: "fail",
      severity: null,
      title: "SageMaker model package versionedmp-p-idy6c3e1fiqj version 2 rejected",
      observedAt: "2021-02-24T17:00:14.000Z",
      links: [],
      attributes,
    });
  });

  it("passes Approved and keeps PendingManualApproval as info", () => {
    const approved = parse(withApproval("Approved")).findings[1];
    expect(approved).toMatchObject({ check: "model-approval", outcome: "pass" });
    expect(approved?.title).toBe("SageMaker model package versionedmp-p-idy6c3e1fiqj version 2 approved");
    const pending = parse(withApproval("PendingManualApproval")).findings[1];
    expect(pending).toMatchObject({ check: "model-approval", outcome: "info" });
    expect(pending?.attributes.approvalStatus).toBe("PendingManualApproval");
  });

  it("emits no approval finding when the status is absent, and reads a JSON-encoded detail", () => {
    const event = fixture();
    const detail: Record<string, unknown> = { ...(event.detail as object), ApprovalDescription: "looks fine" };
    delete detail.ModelApprovalStatus;
    const result = parse({ ...event, detail: JSON.stringify(detail) });
    expect(result.findings.map((f) => f.check)).toEqual(["registry-event"]);
    expect(result.findings[0]?.detail).toBe("looks fine");
    expect(result.findings[0]?.title).toBe(
      "SageMaker model package versionedmp-p-idy6c3e1fiqj version 2 changed state (Completed)",
    );
  });

  it("reads pipeline executions as pipeline runs", () => {
    const event = (status: string) => ({
      version: "0",
      id: `e-${status}`,
      "detail-type": "SageMaker Model Building Pipeline Execution Status Change",
      source: "aws.sagemaker",
      time: "2024-05-01T12:00:00Z",
      detail: {
        pipelineArn: "arn:aws:sagemaker:us-east-1:1:pipeline/train-fraud",
        pipelineExecutionArn: "arn:aws:sagemaker:us-east-1:1:pipeline/train-fraud/execution/x1",
        currentPipelineExecutionStatus: status,
        previousPipelineExecutionStatus: "Executing",
        executionEndTime: "2024-05-01T11:59:00Z",
      },
    });
    const failed = parse(event("Failed"));
    expect(failed.findings[0]).toMatchObject({
      key: "pipeline-execution/arn:aws:sagemaker:us-east-1:1:pipeline/train-fraud/execution/x1/Failed",
      subject: { kind: "pipeline", name: "train-fraud" },
      check: "pipeline-run",
      outcome: "fail",
      title: "SageMaker pipeline train-fraud execution failed",
      observedAt: "2024-05-01T11:59:00.000Z",
      attributes: { status: "Failed", previousStatus: "Executing" },
    });
    expect(parse(event("Succeeded")).findings[0]?.outcome).toBe("pass");
    expect(parse(event("Stopped")).findings[0]?.outcome).toBe("info");
  });

  it("keeps other detail types as info events", () => {
    const result = parse({
      id: "t1",
      detailType: "SageMaker Training Job State Change",
      source: "aws.sagemaker",
      time: "2024-05-01T12:00:00Z",
      resources: ["arn:aws:sagemaker:us-east-1:1:training-job/job-1"],
      detail: { TrainingJobStatus: "Completed" },
      extraField: 1,
    });
    expect(result.eventType).toBe("SageMaker Training Job State Change");
    expect(result.findings).toEqual([
      {
        key: "SageMaker Training Job State Change/arn:aws:sagemaker:us-east-1:1:training-job/job-1",
        subject: { kind: "other", name: "arn:aws:sagemaker:us-east-1:1:training-job/job-1" },
        check: "event",
        outcome: "info",
        severity: null,
        title:
          'SageMaker event "SageMaker Training Job State Change" for arn:aws:sagemaker:us-east-1:1:training-job/job-1',
        observedAt: "2024-05-01T12:00:00.000Z",
        links: [],
        attributes: {
          eventType: "SageMaker Training Job State Change",
          detailType: "SageMaker Training Job State Change",
          source: "aws.sagemaker",
          resource: "arn:aws:sagemaker:us-east-1:1:training-job/job-1",
        },
      },
    ]);
  });

  it("tolerates missing optional fields", () => {
    const result = parse({ "detail-type": "SageMaker Model Package State Change" });
    expect(result).toMatchObject({ deliveryId: null, effectiveAt: null });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      subject: { kind: "model", name: "(unknown model package)" },
      check: "registry-event",
    });
  });

  it("reads an array of events, keyed by event id", () => {
    const first = fixture();
    const second = { ...withApproval("Approved"), id: "second", time: "2021-03-01T00:00:00Z" };
    const result = parse([first, second]);
    expect(result).toMatchObject({
      eventType: "SageMaker Model Package State Change",
      deliveryId: null,
      effectiveAt: "2021-03-01T00:00:00.000Z",
    });
    expect(result.findings.map((f) => `${f.key.split("/")[0]}:${f.check}:${f.outcome}`)).toEqual([
      "844e2571-85d4-695f-b930-0153b71dcb42:registry-event:info",
      "844e2571-85d4-695f-b930-0153b71dcb42:model-approval:fail",
      "second:registry-event:info",
      "second:model-approval:pass",
    ]);
  });

  it("rejects non-JSON with bad_request and other JSON with validation_failed", () => {
    expect(thrown(() => sagemakerAdapter.parse(encode("nope"), new Headers())).code).toBe("bad_request");
    const foreign = thrown(() => parse({ hello: 1 }));
    expect(foreign.code).toBe("validation_failed");
    expect(foreign.issues.map((i) => i.field)).toEqual(["detail-type"]);
    expect(thrown(() => parse([])).code).toBe("validation_failed");
    expect(thrown(() => parse([{ "detail-type": "x" }, 3])).issues.map((i) => i.field)).toEqual(["1"]);
  });
});
