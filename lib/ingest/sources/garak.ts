import { z } from "zod";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { readDigestCounts, type GarakEvalCounts } from "./garak/read-digest-counts.ts";
import { readGarakContext, type GarakRunContext } from "./garak/read-garak-context.ts";
import { readGarakRecords } from "./garak/read-garak-records.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { takeNumberedKey } from "./shared/take-numbered-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * NVIDIA garak: the report JSONL a scan writes (`garak.<run>.report.jsonl`) and its hit log
 * (`garak.<run>.hitlog.jsonl`), alone or concatenated. Record shapes were checked against garak's
 * `command.py` (`start_run setup`, `init`, `completion`), `evaluators/base.py` (the `eval` record and
 * the hit-log writer) and `analyze/report_digest.py` (the `digest` record), garak 0.9 to 0.14. Older
 * releases count an eval's outputs in `total` (newer: `total_evaluated`) and name the target
 * `plugins.model_type`/`model_name` (newer: `plugins.target_type`/`target_name`); both are read.
 *
 * One `red-team` finding per eval record (probe x detector): pass when every evaluated output passed,
 * fail on any hit (no threshold), error when no output could be evaluated; a fail's severity follows
 * garak's own absolute DEFCON bands on the pass rate. One `red-team` fail per hit-log entry, merged per
 * probe/detector/attempt. A report holding a digest but no eval records gets its findings from the
 * digest. garak writes local times without a zone; they are read as UTC.
 */

/** Entry types garak writes that carry no finding of their own (context is read from some of them). */
const CONTEXT_ENTRY_TYPES = new Set([
  "start_run setup",
  "init",
  "attempt",
  "completion",
  "digest",
  "probe_summary",
  "policy",
  "payload_init",
]);

/** garak's absolute DEFCON bounds on a pass rate (`garak/analyze/__init__.py`), worst first. */
const DEFCON_SEVERITY: readonly (readonly [number, "critical" | "high" | "medium"])[] = [
  [0.05, "critical"],
  [0.4, "high"],
  [0.8, "medium"],
];

/** garak writes local times without a zone (`datetime.now().isoformat()`); they are read as UTC. */
const RUN_TIME: ToIsoTimeOptions = { text: "any", zonelessAsUtc: true };

const evalSchema = z.looseObject({
  entry_type: z.literal("eval"),
  probe: z.string(),
  detector: z.string(),
  passed: z.number(),
  total_evaluated: z.number().nullish(),
  total: z.number().nullish(),
});

const hitSchema = z.looseObject({
  probe: z.string(),
  detector: z.string(),
  attempt_id: lenientString,
  attempt_seq: lenientNumber,
  run_id: lenientString,
  score: lenientNumber,
  goal: lenientString,
});

type Subject = NormalizedFinding["subject"];

function parse(raw: Uint8Array): ParsedEvidence {
  const records = readGarakRecords(raw);
  const context = readGarakContext(records);
  const subject: Subject = { kind: "model", name: context.targetName ?? context.targetType ?? "garak target" };
  const effectiveAt = toIsoTime(context.startTime, RUN_TIME);
  const findings: NormalizedFinding[] = [];
  const seenKeys = new Map<string, number>();
  const hits = new Map<string, NormalizedFinding>();
  const unknownTypes = new Map<string, number>();
  const digests: Record<string, unknown>[] = [];
  let hasReportRecords = false;
  let hasEvals = false;

  for (const [index, record] of records.entries()) {
    const entryType = record.entry_type;
    if (typeof entryType !== "string") {
      addHit(record, index, context, subject, effectiveAt, hits);
      continue;
    }
    hasReportRecords = true;
    if (entryType === "eval") {
      hasEvals = true;
      const row = parseSourceShape(evalSchema, record, `garak eval record (record ${index + 1})`);
      const counts = { ...row, total: row.total_evaluated ?? row.total ?? null };
      findings.push(evalFinding(counts, context, subject, effectiveAt, seenKeys));
    } else if (entryType === "digest") {
      digests.push(record);
    } else if (!CONTEXT_ENTRY_TYPES.has(entryType)) {
      unknownTypes.set(entryType, (unknownTypes.get(entryType) ?? 0) + 1);
    }
  }

  if (!hasEvals) {
    for (const digest of digests) {
      for (const counts of readDigestCounts(digest)) {
        findings.push(evalFinding(counts, context, subject, effectiveAt, seenKeys));
      }
    }
  }
  findings.push(...hits.values());
  for (const [entryType, count] of unknownTypes) {
    findings.push({
      key: takeNumberedKey(seenKeys, `event=${entryType}`),
      subject,
      check: "event",
      outcome: "info",
      severity: null,
      title: `garak "${truncateText(entryType, 100)}" record (not interpreted)`,
      observedAt: effectiveAt,
      links: [],
      attributes: { eventType: entryType, count },
    });
  }

  return {
    eventType: hasReportRecords ? "garak.report" : "garak.hitlog",
    deliveryId: context.runId,
    effectiveAt,
    findings,
  };
}

function evalFinding(
  counts: GarakEvalCounts,
  context: GarakRunContext,
  subject: Subject,
  observedAt: string | null,
  seenKeys: Map<string, number>,
): NormalizedFinding {
  const probe = counts.probe.replace(/^probes\./, "");
  const detector = counts.detector.replace(/^detectors?\./, "");
  const total = counts.total ?? counts.passed;
  const passRate = total > 0 ? Math.round((counts.passed / total) * 10_000) / 10_000 : null;
  const outcome = total <= 0 ? "error" : counts.passed >= total ? "pass" : "fail";
  const link = context.groupLinks.get(probe.split(".")[0] ?? "");
  const verdict =
    outcome === "error"
      ? "no output could be evaluated"
      : outcome === "pass"
        ? `resisted (${counts.passed}/${total} passed)`
        : `${total - counts.passed} of ${total} outputs hit`;
  return {
    key: takeNumberedKey(seenKeys, `probe=${probe}/detector=${detector}`),
    subject,
    check: "red-team",
    outcome,
    severity: outcome === "fail" && passRate !== null ? severityForPassRate(passRate) : null,
    title: `garak ${probe} / ${detector}: ${verdict}`,
    observedAt,
    links: link ? [link] : [],
    attributes: { probe, detector, passed: counts.passed, total, passRate },
  };
}

/** One fail per probe/detector/attempt: the generations of one attempt that hit are merged (`hits`). */
function addHit(
  record: Record<string, unknown>,
  index: number,
  context: GarakRunContext,
  subject: Subject,
  observedAt: string | null,
  hits: Map<string, NormalizedFinding>,
): void {
  const hit = parseSourceShape(hitSchema, record, `garak hit-log entry (record ${index + 1})`);
  const probe = hit.probe.replace(/^probes\./, "");
  const detector = hit.detector.replace(/^detectors?\./, "");
  const attempt = hit.attempt_id ?? (hit.attempt_seq != null ? `seq-${hit.attempt_seq}` : `record-${index + 1}`);
  const key = `hit/probe=${probe}/detector=${detector}/attempt=${attempt}`;
  const existing = hits.get(key);
  if (existing) {
    const attributes = existing.attributes;
    attributes.hits = typeof attributes.hits === "number" ? attributes.hits + 1 : 2;
    if (hit.score != null && (typeof attributes.score !== "number" || hit.score > attributes.score)) {
      attributes.score = hit.score;
    }
    return;
  }
  const link = context.groupLinks.get(probe.split(".")[0] ?? "");
  hits.set(key, {
    key,
    subject,
    check: "red-team",
    outcome: "fail",
    severity: null,
    title: `garak hit: ${probe} / ${detector}${hit.attempt_seq != null ? ` (attempt ${hit.attempt_seq})` : ""}`,
    ...(hit.goal ? { detail: `Goal: ${truncateText(hit.goal, 500)}` } : {}),
    observedAt,
    links: link ? [link] : [],
    attributes: {
      probe,
      detector,
      attemptId: hit.attempt_id ?? null,
      score: hit.score ?? null,
      hits: 1,
      runId: hit.run_id ?? null,
    },
  });
}

function severityForPassRate(passRate: number): NonNullable<NormalizedFinding["severity"]> {
  for (const [bound, severity] of DEFCON_SEVERITY) if (passRate < bound) return severity;
  return "low";
}

export const garakAdapter: SourceAdapter = {
  kind: "garak",
  contentTypes: ["application/jsonl", "application/x-ndjson", "application/json", "text/plain"],
  parse,
};
