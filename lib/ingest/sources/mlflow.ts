import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { lenientText } from "./shared/lenient-text.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { pickLatestTime } from "./shared/pick-latest-time.ts";
import { readNumber } from "./shared/read-number.ts";
import { readText } from "./shared/read-text.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

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
/** The envelope `timestamp`: ISO 8601, or epoch seconds or milliseconds. */
const EVENT_TIME: ToIsoTimeOptions = { epochSecondsBelow: 1e12 };

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
      observedAt: toIsoTime(envelope.timestamp, EVENT_TIME),
      prefix: envelopes.length > 1 ? `${index}/` : "",
    };
    findings.push(...eventFindings(context));
  }
  const types = [...new Set(envelopes.map((e) => `${e.entity}.${e.action}`))];
  const times = envelopes.map((e) => toIsoTime(e.timestamp, EVENT_TIME)).filter((t): t is string => t !== null);
  return {
    eventType: truncateText(types.join(","), 200),
    deliveryId: null,
    effectiveAt: pickLatestTime(times),
    findings: makeKeysUnique(findings),
  };
}

function eventFindings(context: EventContext): NormalizedFinding[] {
  const { entity, action } = context.envelope;
  if (entity === "budget_policy" && action === "exceeded") return [budgetFinding(context)];
  const isModel = MODEL_ENTITIES.has(entity);
  if (!isModel && !PROMPT_ENTITIES.has(entity)) return [unknownFinding(context)];

  const name = readText(context.data.name) ?? "(unnamed)";
  const version = readText(context.data.version);
  const alias = readText(context.data.alias);
  const tagKey = readText(context.data.key);
  const tagValue = readText(context.data.value);
  const kind = isModel ? (version ? "model-version" : "model") : "other";
  const subject: NormalizedFinding["subject"] = version ? { kind, name, version } : { kind, name };
  const attributes = compactAttributes({
    eventType: context.eventType,
    entity,
    action,
    assetType: isModel ? "model" : "prompt",
    model: isModel ? name : null,
    prompt: isModel ? null : name,
    version,
    alias,
    tagKey,
    tagValue: tagValue === null ? null : truncateText(tagValue, 200),
    runId: readText(context.data.run_id),
    source: isModel && readText(context.data.source) ? truncateText(readText(context.data.source) ?? "", 300) : null,
    workspace: context.envelope.workspace ?? null,
  });
  const what = `${isModel ? "model" : "prompt"} ${name}${version ? ` version ${version}` : ""}`;
  const description = isModel ? readText(context.data.description) : null;
  const registry: NormalizedFinding = {
    key: `${context.prefix}${context.eventType}/${name}${version ? `@${version}` : ""}${alias ? `/alias=${alias}` : ""}${tagKey ? `/tag=${tagKey}` : ""}`,
    subject,
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: truncateText(`MLflow ${registryTitle(entity, action, what, alias, tagKey)}`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes,
  };
  if (description) registry.detail = truncateText(description, 500);
  const findings = [registry];

  if (isModel && version) {
    const approval = approvalOutcome(entity, action, alias, tagKey, tagValue);
    if (approval) {
      findings.push({
        ...registry,
        key: `${registry.key}/approval`,
        check: "model-approval",
        outcome: approval,
        title: truncateText(
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
  const policyId = readText(data.budget_policy_id) ?? "(unknown policy)";
  const amount = readNumber(data.budget_amount, { strings: true });
  const spend = readNumber(data.current_spend, { strings: true });
  const unit = readText(data.budget_unit);
  return {
    key: `${context.prefix}${context.eventType}/${policyId}/${readText(data.window_start) ?? ""}`,
    subject: { kind: "gateway", name: readText(data.workspace) ?? context.envelope.workspace ?? "mlflow-gateway" },
    check: "spend",
    outcome: "info",
    severity: null,
    title: truncateText(
      `MLflow budget policy ${policyId} exceeded${spend !== null ? `: ${spend}` : ""}${amount !== null ? ` of ${amount}` : ""}${unit ? ` ${unit}` : ""}`,
      500,
    ),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({
      eventType: context.eventType,
      budgetPolicyId: policyId,
      budgetAmount: amount,
      currentSpend: spend,
      budgetUnit: unit,
      durationUnit: readText(data.duration_unit),
      durationValue: readNumber(data.duration_value, { strings: true }),
      targetScope: readText(data.target_scope),
      workspace: readText(data.workspace) ?? context.envelope.workspace ?? null,
    }),
  };
}

function unknownFinding(context: EventContext): NormalizedFinding {
  const name = readText(context.data.name);
  return {
    key: `${context.prefix}${context.eventType}${name ? `/${name}` : ""}`,
    subject: { kind: "other", name: name ?? context.eventType },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(`MLflow event ${context.eventType}${name ? ` on ${name}` : ""}`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes: compactAttributes({ eventType: context.eventType, entity: context.envelope.entity, name }),
  };
}

export const mlflowAdapter: SourceAdapter = {
  kind: "mlflow",
  contentTypes: ["application/json"],
  parse,
};
