import { z } from "zod";
import { AppError, type FieldIssue } from "../../errors/app-error.ts";
import { FINDING_CHECKS, type FindingCheck } from "../finding-checks.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter, SubjectKind } from "../source-adapter.ts";

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
const SUBJECT_KINDS: readonly SubjectKind[] = [
  "model",
  "model-version",
  "dataset",
  "container-image",
  "repository",
  "pipeline",
  "gateway",
  "endpoint",
  "package",
  "other",
];
const MAX_TEXT = 500;
const MAX_ATTRIBUTES = 50;

const lowercase = (value: unknown): unknown => (typeof value === "string" ? value.trim().toLowerCase() : value);
const scalarText = z.union([z.string(), z.number()]).transform(String);

/** An optional text field: a wrong type or a blank string counts as absent. */
const lenientText = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => (value && value.trim() !== "" ? value : null));

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
  const times = events.map((e) => isoTime(e.timestamp)).filter((t): t is string => t !== null);
  return {
    eventType: cut(types.join(","), 200),
    deliveryId: events.length === 1 ? (events[0]?.id ?? null) : null,
    effectiveAt: times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null,
    findings: uniqueKeys(findings),
  };
}

function eventFindings(event: StandardEvent, prefix: string, pathPrefix: string): NormalizedFinding[] {
  const observedAt = isoTime(event.timestamp);
  const rawFindings = parseEmbeddedJson(event.data.findings);
  if (!Array.isArray(rawFindings) || rawFindings.length === 0) {
    return [
      {
        key: `${prefix}event:${event.type}`,
        subject: { kind: "other", name: event.type },
        check: "event",
        outcome: "info",
        severity: null,
        title: `Standard Webhooks event ${cut(event.type, 200)}`,
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
  if (!known) attributes.check = cut(finding.check, 100);
  const subject = finding.subject;
  const kind = SUBJECT_KINDS.find((k) => k === subject?.kind) ?? "other";
  const result: NormalizedFinding = {
    key: `${prefix}${finding.key ?? `${finding.check}#${index}`}`,
    subject: subject
      ? {
          kind,
          name: cut(subject.name, 300),
          ...(subject.version ? { version: cut(subject.version, 200) } : {}),
          ...(subject.digest ? { digest: cut(subject.digest, 200) } : {}),
          ...(subject.revision ? { revision: cut(subject.revision, 200) } : {}),
        }
      : { kind: "other", name: event.type },
    check,
    outcome: finding.outcome,
    severity: finding.severity ?? null,
    title: cut(finding.title, MAX_TEXT),
    observedAt: isoTime(finding.observedAt) ?? eventTime,
    links: httpLinks(finding.links ?? []),
    attributes,
  };
  if (finding.detail) result.detail = cut(finding.detail, MAX_TEXT);
  return result;
}

function scalarAttributes(value: Record<string, unknown> | null | undefined): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  if (!value) return out;
  for (const [name, v] of Object.entries(value)) {
    if (Object.keys(out).length >= MAX_ATTRIBUTES) break;
    if (typeof v === "string") out[name] = cut(v, MAX_TEXT);
    else if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean" || v === null) out[name] = v;
  }
  return out;
}

function isoTime(value: unknown): string | null {
  let ms: number | null = null;
  if (typeof value === "number") ms = value < 1e12 ? value * 1000 : value;
  else if (typeof value === "string") {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) < 1e12 ? Number(text) * 1000 : Number(text);
    else if (/^\d{4}-\d{2}-\d{2}/.test(text)) ms = Date.parse(text);
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function httpLinks(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (typeof value !== "string" || value.length > 2000) continue;
    const url = URL.parse(value);
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) continue;
    if (!out.includes(url.href)) out.push(url.href);
  }
  return out;
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

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const standardWebhooksAdapter: SourceAdapter = {
  kind: "standard-webhooks",
  contentTypes: ["application/json"],
  parse,
};
