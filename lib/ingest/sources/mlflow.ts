import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";

/**
 * MLflow 3 webhooks (MLflow >= 3.3). The body is the envelope MLflow's `mlflow/webhooks/delivery.py`
 * builds, `{ entity, action, timestamp, data, workspace? }`, where `data` is one of the payloads in
 * `mlflow/webhooks/types.py` and the event names (`<entity>.<action>`) are those of
 * `mlflow/entities/webhook.py`: `registered_model.created`, `model_version.created`,
 * `model_version_tag.set|deleted`, `model_version_alias.created|deleted`, `prompt.created`,
 * `prompt_version.created`, `prompt_tag.set|deleted`, `prompt_version_tag.set|deleted`,
 * `prompt_alias.created|deleted` and `budget_policy.exceeded`. The delivery id travels in the
 * `X-MLflow-Delivery-Id` header only.
 *
 * Mapping:
 * - every model and prompt registry event -> one `registry-event`/info finding (prompts have subject kind
 *   `other` and the attribute `assetType: "prompt"`; a prompt template is never copied);
 * - `model_version_alias.created` with a promotion alias (`production`, `prod`, `champion`, `approved`,
 *   `live`; case-insensitive) -> also a `model-approval`/pass finding: giving a version that alias is the
 *   registry's record that someone promoted it. Other aliases (`staging`, `challenger`…) prove nothing;
 * - `model_version_tag.set` of an approval tag (`validation_status`, `approval_status`, `approval`,
 *   `model_approval`, `approved`) -> also `model-approval`: approved/passed/true pass,
 *   rejected/failed/false fail, pending/in_review/none info;
 * - `budget_policy.exceeded` (MLflow AI gateway, sent only for ALERT policies) -> `spend`/info;
 * - any other entity/action -> one `event`/info finding naming it.
 */

const PROMOTION_ALIASES = new Set(["production", "prod", "champion", "approved", "live"]);
const APPROVAL_TAGS = new Set(["validation_status", "approval_status", "approval", "model_approval", "approved"]);
const APPROVAL_VALUES: Record<string, NormalizedFinding["outcome"]> = {
  approved: "pass",
  passed: "pass",
  pass: "pass",
  true: "pass",
  rejected: "fail",
  failed: "fail",
  fail: "fail",
  false: "fail",
  pending: "info",
  in_review: "info",
  pending_review: "info",
  none: "info",
};
const MODEL_ENTITIES = new Set(["registered_model", "model_version", "model_version_tag", "model_version_alias"]);
const PROMPT_ENTITIES = new Set(["prompt", "prompt_version", "prompt_tag", "prompt_version_tag", "prompt_alias"]);

/** An optional text field: a wrong type or a blank string counts as absent. */
const lenientText = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => (value && value.trim() !== "" ? value : null));

const envelopeSchema = z.looseObject({
  entity: z.string({ error: 'required: the MLflow webhook entity, e.g. "model_version"' }).min(1),
  action: z.string({ error: 'required: the MLflow webhook action, e.g. "created"' }).min(1),
  timestamp: z.union([z.string(), z.number()]).nullish().catch(null),
  data: z
    .preprocess((value) => parseEmbeddedJson(value), z.record(z.string(), z.unknown()))
    .nullish()
    .catch(null),
  workspace: lenientText,
});

type Envelope = z.output<typeof envelopeSchema>;

interface EventContext {
  eventType: string;
  envelope: Envelope;
  data: Record<string, unknown>;
  observedAt: string | null;
  prefix: string;
}

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "MLflow webhook payload");
  const batch = Array.isArray(body);
  if (batch && body.length === 0) {
    throw new AppError("validation_failed", "This is not an MLflow webhook payload: the array holds no events.");
  }
  const envelopes = batch
    ? parseSourceShape(z.array(envelopeSchema), body, "MLflow webhook")
    : [parseSourceShape(envelopeSchema, body, "MLflow webhook")];

  const findings: NormalizedFinding[] = [];
  for (const [index, envelope] of envelopes.entries()) {
    const context: EventContext = {
      eventType: `${envelope.entity}.${envelope.action}`,
      envelope,
      data: envelope.data ?? {},
      observedAt: isoTime(envelope.timestamp),
      prefix: envelopes.length > 1 ? `${index}/` : "",
    };
    findings.push(...eventFindings(context));
  }
  const types = [...new Set(envelopes.map((e) => `${e.entity}.${e.action}`))];
  const times = envelopes.map((e) => isoTime(e.timestamp)).filter((t): t is string => t !== null);
  return {
    eventType: cut(types.join(","), 200),
    deliveryId: null,
    effectiveAt: times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null,
    findings: uniqueKeys(findings),
  };
}

function eventFindings(context: EventContext): NormalizedFinding[] {
  const { entity, action } = context.envelope;
  if (entity === "budget_policy" && action === "exceeded") return [budgetFinding(context)];
  const isModel = MODEL_ENTITIES.has(entity);
  if (!isModel && !PROMPT_ENTITIES.has(entity)) return [unknownFinding(context)];

  const name = text(context.data.name) ?? "(unnamed)";
  const version = text(context.data.version);
  const alias = text(context.data.alias);
  const tagKey = text(context.data.key);
  const tagValue = text(context.data.value);
  const kind = isModel ? (version ? "model-version" : "model") : "other";
  const subject: NormalizedFinding["subject"] = version ? { kind, name, version } : { kind, name };
  const attributes = compact({
    eventType: context.eventType,
    entity,
    action,
    assetType: isModel ? "model" : "prompt",
    model: isModel ? name : null,
    prompt: isModel ? null : name,
    version,
    alias,
    tagKey,
    tagValue: tagValue === null ? null : cut(tagValue, 200),
    runId: text(context.data.run_id),
    source: isModel && text(context.data.source) ? cut(text(context.data.source) ?? "", 300) : null,
    workspace: context.envelope.workspace ?? null,
  });
  const what = `${isModel ? "model" : "prompt"} ${name}${version ? ` version ${version}` : ""}`;
  const description = isModel ? text(context.data.description) : null;
  const registry: NormalizedFinding = {
    key: `${context.prefix}${context.eventType}/${name}${version ? `@${version}` : ""}${alias ? `/alias=${alias}` : ""}${tagKey ? `/tag=${tagKey}` : ""}`,
    subject,
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: cut(`MLflow ${registryTitle(entity, action, what, alias, tagKey)}`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes,
  };
  if (description) registry.detail = cut(description, 500);
  const findings = [registry];

  if (isModel && version) {
    const approval = approvalOutcome(entity, action, alias, tagKey, tagValue);
    if (approval) {
      findings.push({
        ...registry,
        key: `${registry.key}/approval`,
        check: "model-approval",
        outcome: approval,
        title: cut(
          alias
            ? `MLflow model ${name} version ${version} promoted with alias "${alias}"`
            : `MLflow model ${name} version ${version} approval tag ${tagKey ?? ""}=${tagValue ?? ""}`,
          500,
        ),
        attributes: { ...attributes },
      });
    }
  }
  return findings;
}

function approvalOutcome(
  entity: string,
  action: string,
  alias: string | null,
  tagKey: string | null,
  tagValue: string | null,
): NormalizedFinding["outcome"] | null {
  if (entity === "model_version_alias" && action === "created" && alias) {
    return PROMOTION_ALIASES.has(alias.toLowerCase()) ? "pass" : null;
  }
  if (entity === "model_version_tag" && action === "set" && tagKey && tagValue !== null) {
    if (!APPROVAL_TAGS.has(tagKey.toLowerCase())) return null;
    return APPROVAL_VALUES[tagValue.trim().toLowerCase()] ?? null;
  }
  return null;
}

function registryTitle(entity: string, action: string, what: string, alias: string | null, tag: string | null) {
  if (entity.endsWith("_alias")) {
    return action === "created"
      ? `alias "${alias ?? ""}" set on ${what}`
      : `alias "${alias ?? ""}" removed from ${what}`;
  }
  if (entity.endsWith("_tag")) return `tag "${tag ?? ""}" ${action === "set" ? "set on" : "deleted from"} ${what}`;
  return `${what} ${action}`;
}

function budgetFinding(context: EventContext): NormalizedFinding {
  const data = context.data;
  const policyId = text(data.budget_policy_id) ?? "(unknown policy)";
  const amount = num(data.budget_amount);
  const spend = num(data.current_spend);
  const unit = text(data.budget_unit);
  return {
    key: `${context.prefix}${context.eventType}/${policyId}/${text(data.window_start) ?? ""}`,
    subject: { kind: "gateway", name: text(data.workspace) ?? context.envelope.workspace ?? "mlflow-gateway" },
    check: "spend",
    outcome: "info",
    severity: null,
    title: cut(
      `MLflow budget policy ${policyId} exceeded${spend !== null ? `: ${spend}` : ""}${amount !== null ? ` of ${amount}` : ""}${unit ? ` ${unit}` : ""}`,
      500,
    ),
    observedAt: context.observedAt,
    links: [],
    attributes: compact({
      eventType: context.eventType,
      budgetPolicyId: policyId,
      budgetAmount: amount,
      currentSpend: spend,
      budgetUnit: unit,
      durationUnit: text(data.duration_unit),
      durationValue: num(data.duration_value),
      targetScope: text(data.target_scope),
      workspace: text(data.workspace) ?? context.envelope.workspace ?? null,
    }),
  };
}

function unknownFinding(context: EventContext): NormalizedFinding {
  const name = text(context.data.name);
  return {
    key: `${context.prefix}${context.eventType}${name ? `/${name}` : ""}`,
    subject: { kind: "other", name: name ?? context.eventType },
    check: "event",
    outcome: "info",
    severity: null,
    title: cut(`MLflow event ${context.eventType}${name ? ` on ${name}` : ""}`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes: compact({ eventType: context.eventType, entity: context.envelope.entity, name }),
  };
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
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

export const mlflowAdapter: SourceAdapter = {
  kind: "mlflow",
  contentTypes: ["application/json"],
  parse,
};
