import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { asRecord } from "./shared/as-record.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientText } from "./shared/lenient-text.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readText } from "./shared/read-text.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Amazon SageMaker events as Amazon EventBridge delivers them (EventBridge envelope version "0": `id`,
 * `detail-type`, `source: "aws.sagemaker"`, `time`, `region`, `account`, `resources`, `detail`), one event
 * or a JSON array of events, e.g. forwarded by an API destination. Detail fields were checked against
 * the SageMaker developer guide page "Events that Amazon SageMaker AI sends to Amazon EventBridge"
 * (`automating-sagemaker-with-eventbridge.md`). A `detail` sent as a JSON-encoded string is read too.
 *
 * - `SageMaker Model Package State Change` -> a `registry-event`/info finding (the package version and its
 *   status) and, when `ModelApprovalStatus` is set, a `model-approval` finding: `Approved` pass,
 *   `Rejected` fail, `PendingManualApproval` (or anything else) info. Subject: the model package group
 *   and version (`model-version`); the package ARN is the attribute `modelPackageArn`.
 * - `SageMaker Model Building Pipeline Execution Status Change` -> `pipeline-run`: `Succeeded` pass,
 *   `Failed` fail, `Stopped`/`Executing`/`Stopping` info.
 * - any other detail type (training jobs, endpoints, model cards…) -> one `event`/info finding naming it.
 * `deliveryId` is the event `id` (of a single event; null for a batch). Attributes: `detailType`,
 * `eventType`, `region`, `account`, `modelPackageGroup`, `modelPackageVersion`, `modelPackageArn`,
 * `approvalStatus`, `modelPackageStatus`, `generatedBy`, `pipelineArn`, `pipelineExecutionArn`, `status`.
 */

const MODEL_PACKAGE = "SageMaker Model Package State Change";
const PIPELINE_EXECUTION = "SageMaker Model Building Pipeline Execution Status Change";

/** Event times: ISO 8601 (EventBridge `time`, detail times), or epoch seconds or milliseconds. */
const EVENT_TIME: ToIsoTimeOptions = { epochSecondsBelow: 1e12 };

const eventSchema = z.looseObject({
  "detail-type": z.string({ error: "required: the EventBridge detail-type" }).min(1),
  id: lenientText,
  source: lenientText,
  time: lenientText,
  region: lenientText,
  account: lenientText,
  resources: lenientList,
  detail: z
    .preprocess((value) => parseEmbeddedJson(value), z.record(z.string(), z.unknown()))
    .nullish()
    .catch(null),
});

type BridgeEvent = z.output<typeof eventSchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "SageMaker EventBridge event");
  const batch = Array.isArray(body);
  if (batch && body.length === 0) {
    throw new AppError("validation_failed", "This is not a SageMaker EventBridge event: the array holds no events.");
  }
  const events = batch
    ? parseSourceShape(z.array(eventSchema), body.map(camelDetailType), "SageMaker EventBridge")
    : [parseSourceShape(eventSchema, camelDetailType(body), "SageMaker EventBridge")];

  const findings: NormalizedFinding[] = [];
  for (const [index, event] of events.entries()) {
    const prefix = events.length > 1 ? `${event.id ?? index}/` : "";
    findings.push(...eventFindings(event, prefix));
  }
  const types = [...new Set(events.map((e) => e["detail-type"]))];
  const times = events.map((e) => toIsoTime(e.time, EVENT_TIME)).filter((t): t is string => t !== null);
  return {
    eventType: truncateText(types.join(","), 200),
    deliveryId: events.length === 1 ? (events[0]?.id ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

/** Some forwarders serialise the envelope with `detailType`; read it as `detail-type`. */
function camelDetailType(value: unknown): unknown {
  if (!isRecord(value)) return value;
  if (value["detail-type"] === undefined && typeof value.detailType === "string") {
    return { ...value, "detail-type": value.detailType };
  }
  return value;
}

function eventFindings(event: BridgeEvent, prefix: string): NormalizedFinding[] {
  const detailType = event["detail-type"];
  const detail = event.detail ?? {};
  const observedAt = toIsoTime(event.time, EVENT_TIME);
  const base = compactAttributes({
    eventType: detailType,
    detailType,
    region: event.region ?? null,
    account: event.account ?? null,
  });
  if (detailType === MODEL_PACKAGE) return modelPackageFindings(detail, base, observedAt, prefix);
  if (detailType === PIPELINE_EXECUTION) return [pipelineFinding(detail, base, observedAt, prefix)];

  const resource = event.resources?.find((r): r is string => typeof r === "string") ?? null;
  return [
    {
      key: `${prefix}${detailType}${resource ? `/${resource}` : ""}`,
      subject: { kind: "other", name: resource ?? detailType },
      check: "event",
      outcome: "info",
      severity: null,
      title: truncateText(`SageMaker event "${detailType}"${resource ? ` for ${resource}` : ""}`, 500),
      observedAt,
      links: [],
      attributes: compactAttributes({ ...base, source: event.source ?? null, resource }),
    },
  ];
}

function modelPackageFindings(
  detail: Record<string, unknown>,
  base: NormalizedFinding["attributes"],
  observedAt: string | null,
  prefix: string,
): NormalizedFinding[] {
  const arn = readText(detail.ModelPackageArn);
  const group =
    readText(detail.ModelPackageGroupName) ?? readText(detail.ModelPackageName) ?? arn ?? "(unknown model package)";
  const version = readText(detail.ModelPackageVersion);
  const approval = readText(detail.ModelApprovalStatus);
  const status = readText(detail.ModelPackageStatus);
  const metadata = asRecord(detail.MetadataProperties);
  const subject: NormalizedFinding["subject"] = version
    ? { kind: "model-version", name: group, version }
    : { kind: "model", name: group };
  const attributes = compactAttributes({
    ...base,
    modelPackageGroup: readText(detail.ModelPackageGroupName),
    modelPackageVersion: version,
    modelPackageArn: arn,
    approvalStatus: approval,
    modelPackageStatus: status,
    generatedBy: metadata ? readText(metadata.GeneratedBy) : null,
  });
  const what = `model package ${group}${version ? ` version ${version}` : ""}`;
  const key = `${prefix}model-package/${arn ?? `${group}/${version ?? ""}`}`;
  const description = readText(detail.ApprovalDescription) ?? readText(detail.ModelPackageDescription);
  const registry: NormalizedFinding = {
    key: `${key}/state`,
    subject,
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: truncateText(
      `SageMaker ${what} changed state${status || approval ? ` (${[status, approval].filter(Boolean).join(", ")})` : ""}`,
      500,
    ),
    observedAt: toIsoTime(detail.LastModifiedTime, EVENT_TIME) ?? observedAt,
    links: [],
    attributes,
  };
  if (description) registry.detail = truncateText(description, 500);
  const findings = [registry];
  if (approval) {
    const outcome = approval === "Approved" ? "pass" : approval === "Rejected" ? "fail" : "info";
    const verb = outcome === "pass" ? "approved" : outcome === "fail" ? "rejected" : `awaiting approval (${approval})`;
    findings.push({
      ...registry,
      key: `${key}/approval`,
      check: "model-approval",
      outcome,
      title: `SageMaker ${what} ${verb}`,
    });
  }
  return findings;
}

function pipelineFinding(
  detail: Record<string, unknown>,
  base: NormalizedFinding["attributes"],
  observedAt: string | null,
  prefix: string,
): NormalizedFinding {
  const status = readText(detail.currentPipelineExecutionStatus);
  const pipelineArn = readText(detail.pipelineArn);
  const executionArn = readText(detail.pipelineExecutionArn);
  const pipeline =
    pipelineArn?.split("/").at(-1) ?? readText(detail.pipelineExecutionDisplayName) ?? "(unknown pipeline)";
  const outcome = status === "Succeeded" ? "pass" : status === "Failed" ? "fail" : "info";
  return {
    key: `${prefix}pipeline-execution/${executionArn ?? pipeline}/${status ?? ""}`,
    subject: { kind: "pipeline", name: pipeline },
    check: "pipeline-run",
    outcome,
    severity: null,
    title: truncateText(
      `SageMaker pipeline ${pipeline} execution ${status ? status.toLowerCase() : "changed status"}`,
      500,
    ),
    observedAt: toIsoTime(detail.executionEndTime, EVENT_TIME) ?? observedAt,
    links: [],
    attributes: compactAttributes({
      ...base,
      pipelineArn,
      pipelineExecutionArn: executionArn,
      status,
      previousStatus: readText(detail.previousPipelineExecutionStatus),
    }),
  };
}

export const sagemakerAdapter: SourceAdapter = {
  kind: "sagemaker",
  contentTypes: ["application/json"],
  parse,
};
