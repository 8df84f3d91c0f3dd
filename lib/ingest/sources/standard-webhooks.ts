import { z } from "zod";
import { AppError, type FieldIssue } from "../../errors/app-error.ts";
import { FINDING_CHECKS, type FindingCheck } from "../finding-checks.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import { SUBJECT_KINDS, type NormalizedFinding, type ParsedEvidence, type SourceAdapter } from "../source-adapter.ts";
import { lenientText } from "./shared/lenient-text.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { normalizeHttpLinks } from "./shared/normalize-http-links.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * A generic sender of Standard Webhooks (spec v1, standardwebhooks.com: the `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` headers are checked by the verifier, not here). The body
 * is the spec's payload, `{ "type": "<full.stop.delimited>", "timestamp": "<ISO 8601>", "data": {…} }`,
 * or a JSON array of such payloads. The spec requires all three fields, so a body without them (for
 * example the spec's own signing test body `{"test": 2432232314}`) is rejected with 422.
 *
 * Assay finding envelope: any tool can report results through this source by putting a `findings`
 * array in `data` (the array may also arrive as a JSON-encoded string):
 *
 *     data.findings: [{
 *       key?: string,              // unique within the delivery; default `<check>#<index>`
 *       check: string,             // a name from finding-checks.ts; any other name becomes `event`
 *       outcome: "pass" | "fail" | "info" | "error",
 *       severity?: "critical" | "high" | "medium" | "low" | "info" | null,
 *       title: string,
 *       detail?: string,           // cut to 500 characters
 *       subject?: { kind, name, version?, digest?, revision? },  // kind from source-adapter.ts, else "other"
 *       observedAt?: ISO 8601 or epoch seconds/ms,               // default: the payload's `timestamp`
 *       links?: string[],          // only absolute http(s) URLs are kept
 *       attributes?: { [name]: string | number | boolean | null }  // other values are dropped
 *     }]
 *
 * Every finding in the array is validated; one bad finding rejects the delivery (422 naming its path).
 * A payload without a non-empty `findings` array becomes one `event`/info finding naming its `type`.
 * Each finding carries the attribute `eventType`; a finding whose check was not in the vocabulary also
 * carries `check` (the name the sender used).
 */

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const MAX_TEXT = 500;
const MAX_ATTRIBUTES = 50;

const lowercase = (value: unknown): unknown => (typeof value === "string" ? value.trim().toLowerCase() : value);
const scalarText = z.union([z.string(), z.number()]).transform(String);

/** The payload `timestamp` and finding `observedAt`: ISO 8601, or epoch seconds or milliseconds. */
const EVENT_TIME: ToIsoTimeOptions = { epochSecondsBelow: 1e12 };

const eventSchema = z.looseObject({
  type: z.string({ error: 'required: the event type, e.g. "model.approved"' }).min(1),
  timestamp: z.union([z.string().min(1), z.number()], { error: "required: when the event happened (ISO 8601)" }),
  data: z.preprocess(
    (value) => parseEmbeddedJson(value),
    z.record(z.string(), z.unknown(), { error: "required: the event data object" }),
  ),
  id: lenientText,
});

const subjectSchema = z.looseObject({
  kind: z.string().nullish(),
  name: z.string().min(1),
  version: scalarText.nullish(),
  digest: z.string().nullish(),
  revision: z.string().nullish(),
});

const findingSchema = z.looseObject({
  key: scalarText.pipe(z.string().min(1)).nullish(),
  check: z.string().min(1),
  outcome: z.preprocess(lowercase, z.enum(["pass", "fail", "info", "error"])),
  severity: z.preprocess(lowercase, z.enum(SEVERITIES).nullish()),
  title: z.string().min(1),
  detail: z.string().nullish(),
  subject: subjectSchema.nullish(),
  observedAt: z.union([z.string(), z.number()]).nullish(),
  links: z.array(z.unknown()).nullish(),
  attributes: z.record(z.string(), z.unknown()).nullish(),
});

type EnvelopeFinding = z.output<typeof findingSchema>;
type StandardEvent = z.output<typeof eventSchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "Standard Webhooks payload");
  const batch = Array.isArray(body);
  if (batch && body.length === 0) {
    throw new AppError("validation_failed", "This is not a Standard Webhooks payload: the array holds no events.");
  }
  const events = batch
    ? parseSourceShape(z.array(eventSchema), body, "Standard Webhooks")
    : [parseSourceShape(eventSchema, body, "Standard Webhooks")];

  const findings: NormalizedFinding[] = [];
  for (const [index, event] of events.entries()) {
    const prefix = batch && events.length > 1 ? `${index}/` : "";
    const pathPrefix = batch ? `${index}.` : "";
    findings.push(...eventFindings(event, prefix, pathPrefix));
  }

  const types = [...new Set(events.map((e) => e.type))];
  const times = events.map((e) => toIsoTime(e.timestamp, EVENT_TIME)).filter((t): t is string => t !== null);
  return {
    eventType: truncateText(types.join(","), 200),
    deliveryId: events.length === 1 ? (events[0]?.id ?? null) : null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function eventFindings(event: StandardEvent, prefix: string, pathPrefix: string): NormalizedFinding[] {
  const observedAt = toIsoTime(event.timestamp, EVENT_TIME);
  const rawFindings = parseEmbeddedJson(event.data.findings);
  if (!Array.isArray(rawFindings) || rawFindings.length === 0) {
    return [
      {
        key: `${prefix}event:${event.type}`,
        subject: { kind: "other", name: event.type },
        check: "event",
        outcome: "info",
        severity: null,
        title: `Standard Webhooks event ${truncateText(event.type, 200)}`,
        observedAt,
        links: [],
        attributes: { eventType: event.type },
      },
    ];
  }
  const checked = z.array(findingSchema).safeParse(rawFindings);
  if (!checked.success) {
    const issues: FieldIssue[] = checked.error.issues.slice(0, 20).map((issue) => ({
      field: [`${pathPrefix}data.findings`, ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
    throw new AppError("validation_failed", `This is not an Assay finding envelope: ${summary}`, issues);
  }
  return checked.data.map((finding, index) => envelopeFinding(finding, index, event, observedAt, prefix));
}

function envelopeFinding(
  finding: EnvelopeFinding,
  index: number,
  event: StandardEvent,
  eventTime: string | null,
  prefix: string,
): NormalizedFinding {
  const known = Object.hasOwn(FINDING_CHECKS, finding.check);
  const check: FindingCheck = known ? (finding.check as FindingCheck) : "event";
  const attributes = scalarAttributes(finding.attributes);
  if (!("eventType" in attributes)) attributes.eventType = event.type;
  if (!known) attributes.check = truncateText(finding.check, 100);
  const subject = finding.subject;
  const kind = SUBJECT_KINDS.find((k) => k === subject?.kind) ?? "other";
  const result: NormalizedFinding = {
    key: `${prefix}${finding.key ?? `${finding.check}#${index}`}`,
    subject: subject
      ? {
          kind,
          name: truncateText(subject.name, 300),
          ...(subject.version ? { version: truncateText(subject.version, 200) } : {}),
          ...(subject.digest ? { digest: truncateText(subject.digest, 200) } : {}),
          ...(subject.revision ? { revision: truncateText(subject.revision, 200) } : {}),
        }
      : { kind: "other", name: event.type },
    check,
    outcome: finding.outcome,
    severity: finding.severity ?? null,
    title: truncateText(finding.title, MAX_TEXT),
    observedAt: toIsoTime(finding.observedAt, EVENT_TIME) ?? eventTime,
    links: normalizeHttpLinks(finding.links ?? []),
    attributes,
  };
  if (finding.detail) result.detail = truncateText(finding.detail, MAX_TEXT);
  return result;
}

function scalarAttributes(value: Record<string, unknown> | null | undefined): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  if (!value) return out;
  for (const [name, v] of Object.entries(value)) {
    if (Object.keys(out).length >= MAX_ATTRIBUTES) break;
    if (typeof v === "string") out[name] = truncateText(v, MAX_TEXT);
    else if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean" || v === null) out[name] = v;
  }
  return out;
}

export const standardWebhooksAdapter: SourceAdapter = {
  kind: "standard-webhooks",
  contentTypes: ["application/json"],
  parse,
};
