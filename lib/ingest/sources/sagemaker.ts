import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";

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

/** An optional text field: a wrong type or a blank string counts as absent. */
const lenientText = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => (value && value.trim() !== "" ? value : null));

const eventSchema = z.looseObject({
  "detail-type": z.string({ error: "required: the EventBridge detail-type" }).min(1),
  id: lenientText,
  source: lenientText,
  time: lenientText,
  region: lenientText,
  account: lenientText,
  resources: z.array(z.unknown()).nullish().catch(null),
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
  const times = events.map((e) => isoTime(e.time)).filter((t): t is string => t !== null);
  return {
    eventType: cut(types.join(","), 200),
    deliveryId: events.length === 1 ? (events[0]?.id ?? null) : null,
    effectiveAt: times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null,
    findings: uniqueKeys(findings),
  };
}

/** Some forwarders serialise the envelope with `detailType`; read it as `detail-type`. */
function camelDetailType(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (record["detail-type"] === undefined && typeof record.detailType === "string") {
    return { ...record, "detail-type": record.detailType };
  }
  return value;
}

function eventFindings(event: BridgeEvent, prefix: string): NormalizedFinding[] {
  const detailType = event["detail-type"];
  const detail = event.detail ?? {};
  const observedAt = isoTime(event.time);
  const base = compact({
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
      title: cut(`SageMaker event "${detailType}"${resource ? ` for ${resource}` : ""}`, 500),
      observedAt,
      links: [],
      attributes: compact({ ...base, source: event.source ?? null, resource }),
    },
  ];
}

function modelPackageFindings(
  detail: Record<string, unknown>,
  base: NormalizedFinding["attributes"],
  observedAt: string | null,
  prefix: string,
): NormalizedFinding[] {
  const arn = text(detail.ModelPackageArn);
  const group = text(detail.ModelPackageGroupName) ?? text(detail.ModelPackageName) ?? arn ?? "(unknown model package)";
  const version = text(detail.ModelPackageVersion);
  const approval = text(detail.ModelApprovalStatus);
  const status = text(detail.ModelPackageStatus);
  const metadata = record(detail.MetadataProperties);
  const subject: NormalizedFinding["subject"] = version
    ? { kind: "model-version", name: group, version }
    : { kind: "model", name: group };
  const attributes = compact({
    ...base,
    modelPackageGroup: text(detail.ModelPackageGroupName),
    modelPackageVersion: version,
    modelPackageArn: arn,
    approvalStatus: approval,
    modelPackageStatus: status,
    generatedBy: metadata ? text(metadata.GeneratedBy) : null,
  });
  const what = `model package ${group}${version ? ` version ${version}` : ""}`;
  const key = `${prefix}model-package/${arn ?? `${group}/${version ?? ""}`}`;
  const description = text(detail.ApprovalDescription) ?? text(detail.ModelPackageDescription);
  const registry: NormalizedFinding = {
    key: `${key}/state`,
    subject,
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: cut(
      `SageMaker ${what} changed state${status || approval ? ` (${[status, approval].filter(Boolean).join(", ")})` : ""}`,
      500,
    ),
    observedAt: isoTime(detail.LastModifiedTime) ?? observedAt,
    links: [],
    attributes,
  };
  if (description) registry.detail = cut(description, 500);
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
  const status = text(detail.currentPipelineExecutionStatus);
  const pipelineArn = text(detail.pipelineArn);
  const executionArn = text(detail.pipelineExecutionArn);
  const pipeline = pipelineArn?.split("/").at(-1) ?? text(detail.pipelineExecutionDisplayName) ?? "(unknown pipeline)";
  const outcome = status === "Succeeded" ? "pass" : status === "Failed" ? "fail" : "info";
  return {
    key: `${prefix}pipeline-execution/${executionArn ?? pipeline}/${status ?? ""}`,
    subject: { kind: "pipeline", name: pipeline },
    check: "pipeline-run",
    outcome,
    severity: null,
    title: cut(`SageMaker pipeline ${pipeline} execution ${status ? status.toLowerCase() : "changed status"}`, 500),
    observedAt: isoTime(detail.executionEndTime) ?? observedAt,
    links: [],
    attributes: compact({
      ...base,
      pipelineArn,
      pipelineExecutionArn: executionArn,
      status,
      previousStatus: text(detail.previousPipelineExecutionStatus),
    }),
  };
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function compact(values: Record<string, string | number | boolean | null>): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) out[name] = value;
  return out;
}

function isoTime(value: unknown): string | null {
  let ms: number | null = null;
  if (typeof value === "number") ms = value < 1e12 ? value * 1000 : value;
  else if (typeof value === "string") {
    const t = value.trim();
    if (/^\d+(\.\d+)?$/.test(t)) ms = Number(t) < 1e12 ? Number(t) * 1000 : Number(t);
    else if (/^\d{4}-\d{2}-\d{2}/.test(t)) ms = Date.parse(t);
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function uniqueKeys(findings: NormalizedFinding[]): NormalizedFinding[] {
  const used = new Set<string>();
  for (const finding of findings) {
    let key = finding.key;
    for (let n = 2; used.has(key); n++) key = `${finding.key}#${n}`;
    used.add(key);
    finding.key = key;
  }
  return findings;
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export const sagemakerAdapter: SourceAdapter = {
  kind: "sagemaker",
  contentTypes: ["application/json"],
  parse,
};
