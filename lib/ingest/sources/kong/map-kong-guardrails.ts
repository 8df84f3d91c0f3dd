import type { NormalizedFinding } from "../../source-adapter.ts";
import { asRecord } from "../shared/as-record.ts";
import { isRecord } from "../shared/is-record.ts";
import { readNumber } from "../shared/read-number.ts";
import { readString } from "../shared/read-string.ts";
import { truncateText } from "../shared/truncate-text.ts";

/** What the guardrail findings of one log entry share with its request-log finding. */
interface EntryContext {
  keyBase: string;
  subject: NormalizedFinding["subject"];
  observedAt: string | null;
  attributes: NormalizedFinding["attributes"];
}

/** Guardrail plugins that log under `ai.proxy.<name>` (AI Gateway audit log reference, Kong 3.10-3.14). */
const KNOWN_GUARDRAILS = new Set([
  "aws-guardrails",
  "gcp-model-armor",
  "azure-content-safety",
  "lakera-guard",
  "custom-guardrail",
  "prompt-guard",
  "semantic-prompt-guard",
  "ai-prompt-guard",
  "ai-semantic-prompt-guard",
  "ai-aws-guardrails",
  "ai-gcp-model-armor",
  "ai-azure-content-safety",
  "ai-lakera-guard",
  "ai-custom-guardrail",
]);

/** Fields every guardrail log object of Kong 3.14 carries; an unknown plugin with them is a guardrail too. */
const GUARD_FIELDS = ["input_block_reason", "output_block_reason", "guards_triggered_count", "input_block_source"];

/** Sub-objects of an LLM plugin entry that are not guardrails. */
const NOT_GUARDRAILS = new Set(["payload", "usage", "meta", "cache", "rag-inject", "ai-llm-as-judge"]);

/**
 * `guardrail` findings for one Kong AI log entry: each guardrail plugin object under an LLM plugin entry
 * (`ai.proxy.aws-guardrails`, `…gcp-model-armor`, `…azure-content-safety`, `…lakera-guard`,
 * `…custom-guardrail`, or any object with block-reason fields), the PII sanitizer (`ai.sanitizer`) and
 * the Azure Content Safety breach record (`ai.audit.azure_content_safety`). A logged guardrail ran, so
 * each is a pass; `intervened` says whether it blocked, masked or sanitized. Blocked prompts/responses
 * (`*_faulty_*`) and sanitized originals are never copied.
 */
export function mapKongGuardrails(ai: Record<string, unknown>, context: EntryContext): NormalizedFinding[] {
  const findings: NormalizedFinding[] = [];
  const containers = Object.entries(ai).filter(
    ([name, value]) => name !== "audit" && name !== "mcp" && isRecord(value),
  );
  for (const [pluginName, plugin] of containers) {
    const obj = plugin as Record<string, unknown>;
    if (pluginName === "sanitizer") {
      findings.push(sanitizerFinding(obj, context));
      continue;
    }
    if (isGuardrail(pluginName, obj)) {
      findings.push(guardrailFinding(pluginName, obj, context));
      continue;
    }
    for (const [name, value] of Object.entries(obj)) {
      if (NOT_GUARDRAILS.has(name) || !isRecord(value) || !isGuardrail(name, value)) continue;
      findings.push(guardrailFinding(name, value, context));
    }
  }

  const breached = asRecord(asRecord(ai.audit)?.azure_content_safety);
  if (breached && Object.keys(breached).length > 0) {
    const categories = Object.keys(breached).sort();
    const severity = maxSeverity(Object.values(breached));
    const existing = findings.find((f) => f.attributes.guardrail === "azure-content-safety");
    if (existing) {
      existing.attributes.categories = truncateText(categories.join(","), 200);
      existing.attributes.intervened = true;
      existing.severity = severity;
    } else {
      findings.push({
        key: `${context.keyBase}/guardrail=azure-content-safety`,
        subject: { ...context.subject },
        check: "guardrail",
        outcome: "pass",
        severity,
        title: truncateText(`Kong AI Azure Content Safety flagged ${categories.join(", ")}`, 500),
        observedAt: context.observedAt,
        links: [],
        attributes: {
          ...context.attributes,
          guardrail: "azure-content-safety",
          intervened: true,
          categories: truncateText(categories.join(","), 200),
        },
      });
    }
  }
  return findings;
}

function isGuardrail(name: string, value: Record<string, unknown>): boolean {
  return KNOWN_GUARDRAILS.has(name) || GUARD_FIELDS.some((field) => field in value);
}

function guardrailFinding(rawName: string, g: Record<string, unknown>, context: EntryContext): NormalizedFinding {
  const name = rawName.replace(/^ai-/, "");
  const inputReason = readString(g.input_block_reason);
  const outputReason = readString(g.output_block_reason);
  const triggered = readNumber(g.guards_triggered_count);
  const masked = g.input_masked === true || g.output_masked === true;
  const intervened = inputReason !== null || outputReason !== null || (triggered ?? 0) > 0 || masked;
  const stages = [inputReason !== null ? "input" : null, outputReason !== null ? "output" : null].filter(Boolean);
  const attributes: NormalizedFinding["attributes"] = { ...context.attributes, guardrail: name, intervened };
  const put = (attribute: string, value: string | number | boolean | null) => {
    if (value !== null) attributes[attribute] = typeof value === "string" ? truncateText(value, 200) : value;
  };
  put("guardrailId", readString(g.guardrails_id) ?? readString(g.template_id) ?? readString(g.lakera_project_id));
  put("guardrailVersion", readString(g.guardrails_version));
  put("mode", readString(g.mode));
  put("blockReason", [inputReason, outputReason].filter((r): r is string => r !== null).join("; ") || null);
  put("blockedStage", stages.length > 0 ? stages.join(",") : null);
  put("blockSource", readString(g.input_block_source) ?? readString(g.output_block_source));
  put("masked", masked ? true : null);
  put("guardsTriggered", triggered);
  put("inputLatencyMs", readNumber(g.input_processing_latency));
  put("outputLatencyMs", readNumber(g.output_processing_latency));
  const verb =
    masked && stages.length === 0
      ? "masked content"
      : intervened
        ? `blocked ${stages.join(" and ") || "content"}`
        : "allowed the request";
  return {
    key: `${context.keyBase}/guardrail=${name}`,
    subject: { ...context.subject },
    check: "guardrail",
    outcome: "pass",
    severity: null,
    title: truncateText(`Kong AI guardrail ${name} ran and ${verb}`, 500),
    observedAt: context.observedAt,
    links: [],
    attributes,
  };
}

function sanitizerFinding(s: Record<string, unknown>, context: EntryContext): NormalizedFinding {
  const identified = readNumber(s.pii_identified);
  const sanitized = readNumber(s.pii_sanitized);
  const blockSource = readString(s.input_block_source) ?? readString(s.output_block_source);
  const items = Array.isArray(s.sanitized_items) ? s.sanitized_items : [];
  const types = [
    ...new Set(items.map((i) => readString(asRecord(i)?.entity_type)).filter((t): t is string => t !== null)),
  ];
  const intervened = (sanitized ?? 0) > 0 || blockSource !== null;
  const attributes: NormalizedFinding["attributes"] = { ...context.attributes, guardrail: "pii-sanitizer", intervened };
  if (identified !== null) attributes.piiIdentified = identified;
  if (sanitized !== null) attributes.piiSanitized = sanitized;
  if (types.length > 0) attributes.entityTypes = truncateText(types.sort().join(","), 200);
  if (blockSource !== null) attributes.blockSource = truncateText(blockSource, 200);
  const duration = readNumber(s.duration);
  if (duration !== null) attributes.durationMs = duration;
  return {
    key: `${context.keyBase}/guardrail=pii-sanitizer`,
    subject: { ...context.subject },
    check: "guardrail",
    outcome: "pass",
    severity: null,
    title: truncateText(
      `Kong AI PII sanitizer ran: ${identified ?? 0} PII entities found, ${sanitized ?? 0} sanitized${blockSource ? `, blocked by ${blockSource}` : ""}`,
      500,
    ),
    observedAt: context.observedAt,
    links: [],
    attributes,
  };
}

const LEVELS: Record<string, number> = { high: 3, medium: 2, low: 1, safe: 0 };

/** Azure Content Safety severities (0-7, or the level names Kong's docs show) to Assay's scale. */
function maxSeverity(values: unknown[]): NormalizedFinding["severity"] {
  let worst = -1;
  for (const value of values) {
    let level = -1;
    if (typeof value === "number" && Number.isFinite(value))
      level = value >= 6 ? 3 : value >= 4 ? 2 : value >= 2 ? 1 : 0;
    else if (typeof value === "string") level = LEVELS[value.trim().toLowerCase()] ?? -1;
    worst = Math.max(worst, level);
  }
  return worst === 3 ? "high" : worst === 2 ? "medium" : worst === 1 ? "low" : worst === 0 ? "info" : null;
}
