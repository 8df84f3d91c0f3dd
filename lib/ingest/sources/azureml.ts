import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { lenientText } from "./shared/lenient-text.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readNumber } from "./shared/read-number.ts";
import { readText } from "./shared/read-text.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Azure Machine Learning workspace events as Azure Event Grid delivers them, in either schema: the
 * CloudEvents 1.0 schema (`specversion`, `type`, `source`, `subject`, `time`, `id`, `data`) or the Event
 * Grid schema (`eventType`, `topic`, `subject`, `eventTime`, `id`, `data`, `dataVersion`). Event Grid
 * posts a JSON array; a single object is read too. Event types and data fields were checked against
 * learn.microsoft.com `azure/event-grid/event-schema-machine-learning` and the `@azure/eventgrid`
 * `MachineLearningServices*EventData` types. The documented data mixes PascalCase (`ModelName`) and
 * camelCase (`runId`) keys, so data keys are read case-insensitively.
 *
 * - `…ModelRegistered` -> `registry-event`/info about the model version (`ModelName`, `ModelVersion`);
 * - `…ModelDeployed` -> `registry-event`/info about the endpoint (`ServiceName`; `ModelIds` attribute);
 * - `…RunCompleted` -> `pipeline-run`/pass (an Azure ML job or pipeline run finished successfully);
 * - `…RunStatusChanged` -> `pipeline-run`: `Completed`/`Finished` pass, `Failed` fail, other statuses info;
 * - `…DatasetDriftDetected` -> `event`/info with `driftCoefficient` (the vocabulary has no drift check);
 * - `Microsoft.EventGrid.SubscriptionValidationEvent` (normally answered before this parser) and any other
 *   type -> `event`/info naming the type.
 * `deliveryId` is the event `id` of a single event (null for a batch). Attributes: `eventType`, `model`,
 * `modelVersion`, `service`, `computeType`, `modelIds`, `experiment`, `runId`, `runType`, `runStatus`,
 * `dataDriftName`, `driftCoefficient`, `workspace`.
 */

const PREFIX = "Microsoft.MachineLearningServices.";
/** Event times: ISO 8601 (CloudEvents `time`, Event Grid `eventTime`), or epoch seconds/milliseconds. */
const EVENT_TIME: ToIsoTimeOptions = { epochSecondsBelow: 1e12 };
const eventSchema = z.looseObject({
  type: lenientText,
  eventType: lenientText,
  id: lenientText,
  subject: lenientText,
  time: lenientText,
  eventTime: lenientText,
  source: lenientText,
  topic: lenientText,
  data: z.preprocess((value) => parseEmbeddedJson(value), z.unknown()),
});

type GridEvent = z.output<typeof eventSchema>;

interface Context {
  type: string;
  data: Map<string, unknown>;
  observedAt: string | null;
  prefix: string;
  workspace: string | null;
  subjectPath: string | null;
}

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "Azure Event Grid payload");
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) {
    throw new AppError("validation_failed", "This is not an Azure Event Grid payload: the array holds no events.");
  }
  const events = parseSourceShape(z.array(eventSchema), items, "Azure Event Grid");
  const types: string[] = [];
  for (const [index, event] of events.entries()) {
    const type = event.type ?? event.eventType;
    if (!type) {
      const field = Array.isArray(body) ? `${index}.type` : "type";
      throw new AppError(
        "validation_failed",
        `This is not an Azure Event Grid payload: ${field}: required: the event type (CloudEvents \`type\` or Event Grid \`eventType\`)`,
        [{ field, message: "required: the event type" }],
      );
    }
    types.push(type);
  }

  const findings = events.map((event, index) =>
    eventFinding(event, types[index] ?? "", events.length > 1 ? `${event.id ?? index}/` : ""),
  );
  const times = events.map((e) => toIsoTime(e.time ?? e.eventTime, EVENT_TIME)).filter((t): t is string => t !== null);
  return {
    eventType: truncateText([...new Set(types)].join(","), 200),
    deliveryId: events.length === 1 ? (events[0]?.id ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function eventFinding(event: GridEvent, type: string, prefix: string): NormalizedFinding {
  const resource = event.source ?? event.topic ?? null;
  const context: Context = {
    type,
    data: lowerKeys(event.data),
    observedAt: toIsoTime(event.time ?? event.eventTime, EVENT_TIME),
    prefix,
    workspace: resource ? (/\/workspaces\/([^/]+)/i.exec(resource)?.[1] ?? null) : null,
    subjectPath: event.subject?.trim() || null,
  };
  const short = type.startsWith(PREFIX) ? type.slice(PREFIX.length) : null;
  if (short === "ModelRegistered") return modelRegistered(context);
  if (short === "ModelDeployed") return modelDeployed(context);
  if (short === "RunCompleted" || short === "RunStatusChanged") return runFinding(context, short);
  if (short === "DatasetDriftDetected") return driftFinding(context);
  return {
    key: `${prefix}${type}${context.subjectPath ? `/${context.subjectPath}` : ""}`,
    subject: { kind: "other", name: context.subjectPath ?? type },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(
      `Azure Event Grid event ${type}${context.subjectPath ? ` for ${context.subjectPath}` : ""}`,
      500,
    ),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({ eventType: type, workspace: context.workspace }),
  };
}

function modelRegistered(context: Context): NormalizedFinding {
  const fromSubject = /^models\/([^:]+)(?::(.+))?$/.exec(context.subjectPath ?? "");
  const name = readText(context.data.get("modelname")) ?? fromSubject?.[1] ?? "(unnamed model)";
  const version = readText(context.data.get("modelversion")) ?? fromSubject?.[2] ?? null;
  return {
    key: `${context.prefix}ModelRegistered/${name}${version ? `@${version}` : ""}`,
    subject: version ? { kind: "model-version", name, version } : { kind: "model", name },
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: truncateText(`Azure ML model ${name}${version ? ` version ${version}` : ""} registered`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({
      eventType: context.type,
      model: name,
      modelVersion: version,
      workspace: context.workspace,
    }),
  };
}

function modelDeployed(context: Context): NormalizedFinding {
  const service =
    readText(context.data.get("servicename")) ??
    context.subjectPath?.replace(/^endpoints\//, "") ??
    "(unnamed endpoint)";
  const modelIds = readText(context.data.get("modelids"));
  return {
    key: `${context.prefix}ModelDeployed/${service}/${modelIds ?? ""}`,
    subject: { kind: "endpoint", name: service },
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: truncateText(`Azure ML deployed ${modelIds ?? "model(s)"} to endpoint ${service}`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({
      eventType: context.type,
      service,
      computeType: readText(context.data.get("servicecomputetype")),
      modelIds: modelIds ? truncateText(modelIds, 500) : null,
      workspace: context.workspace,
    }),
  };
}

function runFinding(context: Context, short: "RunCompleted" | "RunStatusChanged"): NormalizedFinding {
  const runId = readText(context.data.get("runid")) ?? context.subjectPath ?? "(unknown run)";
  const experiment = readText(context.data.get("experimentname")) ?? readText(context.data.get("experimentid"));
  const status = short === "RunCompleted" ? "Completed" : readText(context.data.get("runstatus"));
  const normalized = status?.toLowerCase() ?? "";
  const outcome =
    normalized === "completed" || normalized === "finished" ? "pass" : normalized === "failed" ? "fail" : "info";
  return {
    key: `${context.prefix}${short}/${runId}/${status ?? ""}`,
    subject: { kind: "pipeline", name: experiment ? `${experiment}/${runId}` : runId },
    check: "pipeline-run",
    outcome,
    severity: null,
    title: truncateText(
      `Azure ML run ${runId}${experiment ? ` (${experiment})` : ""} ${status ? status.toLowerCase() : "changed status"}`,
      500,
    ),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({
      eventType: context.type,
      experiment,
      runId,
      runType: readText(context.data.get("runtype")),
      runStatus: status,
      workspace: context.workspace,
    }),
  };
}

function driftFinding(context: Context): NormalizedFinding {
  const monitor =
    readText(context.data.get("datadriftname")) ?? readText(context.data.get("datadriftid")) ?? "(drift monitor)";
  const target = readText(context.data.get("targetdatasetid"));
  const coefficient = readNumber(context.data.get("driftcoefficient"), { strings: true });
  return {
    key: `${context.prefix}DatasetDriftDetected/${monitor}/${readText(context.data.get("runid")) ?? ""}`,
    subject: { kind: "dataset", name: target ?? monitor },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(
      `Azure ML drift monitor ${monitor} detected dataset drift${coefficient !== null ? ` (coefficient ${coefficient})` : ""}`,
      500,
    ),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({
      eventType: context.type,
      dataDriftName: monitor,
      driftCoefficient: coefficient,
      baseDatasetId: readText(context.data.get("basedatasetid")),
      targetDatasetId: target,
      runId: readText(context.data.get("runid")),
      workspace: context.workspace,
    }),
  };
}

function lowerKeys(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) out.set(key.toLowerCase(), v);
  return out;
}

export const azuremlAdapter: SourceAdapter = {
  kind: "azureml",
  contentTypes: ["application/json", "application/cloudevents-batch+json", "application/cloudevents+json"],
  parse,
};
