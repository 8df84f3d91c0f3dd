import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { makeKeysUnique } from "./shared/make-keys-unique.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Weights & Biases automation webhooks. W&B has no fixed body: the automation's author writes a JSON
 * template and W&B fills in payload variables (wandb/docs `models/automations/create-automations/
 * webhook.mdx`): `${event_type}`, `${event_author}`, `${alias}`, `${tag}`, `${artifact_version}`
 * (`wandb-artifact://_id/…`), `${artifact_version_string}` (`<entity>/<project>/<name>:<alias|vN>`),
 * `${artifact_collection_name}`, `${project_name}`, `${entity_name}`. Event type names are those of the
 * W&B SDK's `wandb/automations/events.py` (`LINK_ARTIFACT`/`LINK_MODEL`, `ADD_ARTIFACT_ALIAS`,
 * `CREATE_ARTIFACT`, `RUN_METRIC`, `RUN_STATE`…).
 *
 * So this parser does not expect a shape: it searches the body (an object or an array of objects, at any
 * depth, including JSON-encoded strings) for keys named like the variables, for a `wandb-artifact://`
 * reference and for a value that is a W&B event type (e.g. a Teams card fact). A body with none of these
 * is rejected (422). Unrendered `${…}` placeholders count as absent. W&B sends no event time and no
 * delivery id in the body (`deliveryId`/`effectiveAt` are null; the `X-Wandb-Signature` header is checked
 * by the verifier).
 *
 * `eventType` is the W&B event type when the body holds one, else the template's own `event_type` value
 * (e.g. a GitHub `repository_dispatch` type such as `BUILD_AND_DEPLOY`), else `wandb.automation`.
 * - artifact events (linked to a registry collection, alias or tag added, version created), or a body that
 *   names an artifact without naming the event -> `registry-event`/info; subject: the artifact
 *   `<entity>/<project>/<name>` with its version/alias (`model-version` in a model registry, `dataset` in a
 *   dataset registry, else `other`);
 * - an alias `production`, `prod`, `champion`, `approved` or `live` -> also `model-approval`/pass (the
 *   registry's record of a promotion);
 * - run events and unknown events -> `event`/info.
 * Attributes: `eventType`, `wandbEventType`, `templateEventType`, `entity`, `project`, `collection`,
 * `artifactVersion`, `artifactId`, `alias`, `tag`, `author`.
 */

const VARIABLES = [
  "event_type",
  "event_author",
  "alias",
  "tag",
  "artifact_version",
  "artifact_version_string",
  "artifact_collection_name",
  "project_name",
  "entity_name",
] as const;
type Variable = (typeof VARIABLES)[number];

const ARTIFACT_EVENTS = new Set([
  "LINK_ARTIFACT",
  "LINK_MODEL",
  "UNLINK_ARTIFACT",
  "ADD_ARTIFACT_ALIAS",
  "UPDATE_ARTIFACT_ALIAS",
  "CREATE_ARTIFACT",
  "ADD_ARTIFACT_TAG",
  "REMOVE_ARTIFACT_TAG",
  "ADD_COLLECTION_TAG",
  "REMOVE_COLLECTION_TAG",
]);
const RUN_EVENTS = new Set([
  "RUN_METRIC",
  "RUN_METRIC_THRESHOLD",
  "RUN_METRIC_CHANGE",
  "RUN_METRIC_ZSCORE",
  "RUN_STATE",
]);
/** A W&B event type standing alone or as a word inside rendered text ("Registry event: LINK_ARTIFACT"). */
const EVENT_WORD = new RegExp(`(?:^|[^A-Z0-9_])(${[...ARTIFACT_EVENTS, ...RUN_EVENTS].join("|")})(?![A-Z0-9_])`);
const ARTIFACT_REF = /wandb-artifact:\/\/[^\s"'<>]{1,280}/;
const PROMOTION_ALIASES = new Set(["production", "prod", "champion", "approved", "live"]);
const MAX_NODES = 20_000;

interface Found {
  variables: Partial<Record<Variable, string>>;
  wandbEventType: string | null;
  artifactId: string | null;
}

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "W&B automation webhook payload");
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) {
    throw new AppError("validation_failed", "This is not a W&B automation payload: the array holds no events.");
  }
  const found = items.map((item, index) => {
    if (!isRecord(item)) {
      throw new AppError(
        "validation_failed",
        `This is not a W&B automation payload: ${Array.isArray(body) ? `item ${index}` : "the body"} is not a JSON object.`,
      );
    }
    const result: Found = { variables: {}, wandbEventType: null, artifactId: null };
    collect(item, result, { nodes: 0 });
    if (Object.keys(result.variables).length === 0 && !result.wandbEventType && !result.artifactId) {
      throw new AppError(
        "validation_failed",
        `This is not a W&B automation payload: ${Array.isArray(body) ? `item ${index}` : "the body"} holds none of the payload variables (event_type, artifact_version_string, artifact_collection_name, project_name, entity_name…).`,
      );
    }
    return result;
  });

  const findings = found.flatMap((f, index) => itemFindings(f, found.length > 1 ? `${index}/` : ""));
  return {
    eventType: truncateText([...new Set(found.map(eventTypeOf))].join(","), 200),
    deliveryId: null,
    effectiveAt: null,
    findings: makeKeysUnique(findings),
  };
}

function collect(value: unknown, out: Found, budget: { nodes: number }): void {
  if (++budget.nodes > MAX_NODES) return;
  const parsed = parseEmbeddedJson(value);
  if (typeof parsed === "string") {
    if (!out.artifactId) out.artifactId = ARTIFACT_REF.exec(parsed)?.[0] ?? null;
    if (!out.wandbEventType) out.wandbEventType = EVENT_WORD.exec(parsed)?.[1] ?? null;
    return;
  }
  if (parsed === null || typeof parsed !== "object") return;
  if (Array.isArray(parsed)) {
    for (const item of parsed) collect(item, out, budget);
    return;
  }
  for (const [key, v] of Object.entries(parsed)) {
    const name = VARIABLES.find((variable) => variable === key.toLowerCase());
    const scalar = typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : null;
    if (name && scalar && !/^\$\{[^}]*\}$/.test(scalar) && out.variables[name] === undefined) {
      out.variables[name] = truncateText(scalar, 300);
    }
    collect(v, out, budget);
  }
}

function eventTypeOf(found: Found): string {
  return found.wandbEventType ?? found.variables.event_type ?? "wandb.automation";
}

function itemFindings(found: Found, prefix: string): NormalizedFinding[] {
  const v = found.variables;
  const eventType = eventTypeOf(found);
  const wandbType = found.wandbEventType;
  const versionString = v.artifact_version_string ?? null;
  const colon = versionString ? versionString.lastIndexOf(":") : -1;
  const artifactPath = versionString && colon > 0 ? versionString.slice(0, colon) : versionString;
  const versionPart = versionString && colon > 0 ? versionString.slice(colon + 1) : null;
  const aliasFromVersion =
    versionPart && !/^v\d+$/.test(versionPart) && (wandbType === null || wandbType.endsWith("ARTIFACT_ALIAS"))
      ? versionPart
      : null;
  const alias = v.alias ?? aliasFromVersion;
  const project = v.project_name ?? (artifactPath ? (artifactPath.split("/")[1] ?? null) : null);
  const collection = v.artifact_collection_name ?? (artifactPath ? (artifactPath.split("/").at(-1) ?? null) : null);
  const names = artifactPath ?? ([v.entity_name, project, collection].filter(Boolean).join("/") || null);
  const artifactNamed = Boolean(versionString ?? v.artifact_collection_name ?? found.artifactId);
  const isArtifactEvent = wandbType ? ARTIFACT_EVENTS.has(wandbType) : artifactNamed;

  const attributes = compactAttributes({
    eventType,
    wandbEventType: wandbType,
    templateEventType: v.event_type && v.event_type !== wandbType ? v.event_type : null,
    entity: v.entity_name ?? null,
    project,
    collection,
    artifactVersion: versionString,
    artifactId: found.artifactId,
    alias,
    tag: v.tag ?? null,
    author: v.event_author ?? null,
  });
  const base = `${prefix}${eventType}/${versionString ?? found.artifactId ?? names ?? "wandb"}`;

  if (!isArtifactEvent) {
    return [
      {
        key: base,
        subject: { kind: "other", name: names ?? v.entity_name ?? "wandb" },
        check: "event",
        outcome: "info",
        severity: null,
        title: truncateText(`W&B automation event ${eventType}${names ? ` in ${names}` : ""}`, 500),
        observedAt: null,
        links: [],
        attributes,
      },
    ];
  }

  const registryKind = /dataset/i.test(project ?? "")
    ? "dataset"
    : /model/i.test(project ?? "")
      ? "model-version"
      : "other";
  const subjectName = names ?? found.artifactId ?? "(unnamed artifact)";
  const subject: NormalizedFinding["subject"] = versionPart
    ? { kind: registryKind, name: subjectName, version: versionPart }
    : { kind: registryKind === "model-version" ? "model" : registryKind, name: subjectName };
  const registry: NormalizedFinding = {
    key: `${base}${alias ? `/alias=${alias}` : ""}`,
    subject,
    check: "registry-event",
    outcome: "info",
    severity: null,
    title: truncateText(`W&B ${describe(wandbType, alias, v.tag ?? null)} ${versionString ?? subjectName}`, 500),
    observedAt: null,
    links: [],
    attributes,
  };
  const findings = [registry];
  if (alias && PROMOTION_ALIASES.has(alias.toLowerCase())) {
    findings.push({
      ...registry,
      key: `${registry.key}/approval`,
      check: "model-approval",
      outcome: "pass",
      title: truncateText(`W&B artifact ${subjectName} promoted with alias "${alias}"`, 500),
    });
  }
  return findings;
}

function describe(wandbType: string | null, alias: string | null, tag: string | null): string {
  switch (wandbType) {
    case "LINK_ARTIFACT":
    case "LINK_MODEL":
      return "artifact linked to registry:";
    case "UNLINK_ARTIFACT":
      return "artifact unlinked from registry:";
    case "ADD_ARTIFACT_ALIAS":
    case "UPDATE_ARTIFACT_ALIAS":
      return `alias "${alias ?? ""}" added to artifact`;
    case "CREATE_ARTIFACT":
      return "artifact version created:";
    case "ADD_ARTIFACT_TAG":
    case "ADD_COLLECTION_TAG":
      return `tag "${tag ?? ""}" added to`;
    case "REMOVE_ARTIFACT_TAG":
    case "REMOVE_COLLECTION_TAG":
      return `tag "${tag ?? ""}" removed from`;
    default:
      return "automation fired for artifact";
  }
}

export const wandbAdapter: SourceAdapter = {
  kind: "wandb",
  contentTypes: ["application/json"],
  parse,
};
