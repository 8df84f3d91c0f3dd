import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientBoolean } from "./shared/lenient-boolean.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { readSeverity } from "./shared/read-severity.ts";
import { takeNumberedKey } from "./shared/take-numbered-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * promptfoo: the results file of `promptfoo eval -o results.json` (and of `promptfoo redteam eval`).
 * Current releases write `{evalId, results: {version, timestamp, prompts, results: [...], stats},
 * config, shareableUrl, metadata}` (`OutputFile` holding an `EvaluateSummaryV3`, or V2 with a `table`);
 * the oldest put the result array straight under `results`. Both are read, as is a JSON array of such
 * files. Field names were checked against promptfoo's `src/types/index.ts` (`EvaluateResult`,
 * `GradingResult`, `ResultFailureReason`: 0 none, 1 assertion failed, 2 error).
 *
 * Red-team results (a `pluginId` in the result's, test case's or grading metadata, or any result of a
 * run whose config has a `redteam` section) are `red-team` findings: pass when the test passed (the
 * target resisted), fail when it failed (the attack worked), error when the provider call errored.
 * Plain eval results of a run that is not a red team prove no control and are kept as `event` info.
 */

/** promptfoo writes ISO 8601 timestamps; a zone-less one is read as UTC. */
const EVAL_TIME: ToIsoTimeOptions = { text: "any", zonelessAsUtc: true };

const metadataSchema = z
  .looseObject({
    pluginId: lenientString,
    strategyId: lenientString,
    severity: lenientString,
    harmCategory: lenientString,
  })
  .nullish()
  .catch(null);

const resultSchema = z
  .looseObject({
    id: lenientString,
    description: lenientString,
    promptIdx: lenientNumber,
    testIdx: lenientNumber,
    provider: z
      .union([z.string(), z.looseObject({ id: z.string().nullish(), label: z.string().nullish() })])
      .nullish()
      .catch(null),
    success: lenientBoolean,
    score: lenientNumber,
    failureReason: lenientNumber,
    error: lenientString,
    gradingResult: z
      .looseObject({
        pass: lenientBoolean,
        reason: lenientString,
        metadata: metadataSchema,
      })
      .nullish()
      .catch(null),
    metadata: metadataSchema,
    testCase: z.looseObject({ description: lenientString, metadata: metadataSchema }).nullish().catch(null),
  })
  .refine((r) => r.success != null || r.gradingResult != null || r.testCase != null, {
    message: "expected a promptfoo result (with success, gradingResult or testCase)",
  });

type PromptfooResult = z.output<typeof resultSchema>;

const summarySchema = z.looseObject({
  version: lenientNumber,
  timestamp: lenientString,
  results: z.array(z.unknown()),
});

const fileSchema = z.looseObject({
  evalId: lenientString,
  timestamp: lenientString,
  results: z.union([z.array(z.unknown()), summarySchema], {
    error: "expected promptfoo results: an array, or an object holding a results array",
  }),
  config: z.looseObject({ redteam: z.unknown().optional() }).nullish().catch(null),
  shareableUrl: lenientString,
  metadata: z
    .looseObject({
      evaluationCreatedAt: lenientString,
      exportedAt: lenientString,
    })
    .nullish()
    .catch(null),
});

interface EvalDocument {
  evalId: string | null;
  timestamp: string | null;
  redteamRun: boolean;
  results: PromptfooResult[];
  links: string[];
}

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "promptfoo results");
  const files = Array.isArray(body) ? body : [body];
  if (files.length === 0) throw new AppError("validation_failed", "This is not a promptfoo results file: it is empty.");
  const documents = files.map((file, index) => readDocument(file, files.length > 1 ? `item ${index}` : null));
  const findings: NormalizedFinding[] = [];
  const seenKeys = new Map<string, number>();
  let anyRedteam = false;
  for (const document of documents) {
    const prefix = documents.length > 1 ? `eval=${document.evalId ?? documents.indexOf(document)}/` : "";
    for (const [index, result] of document.results.entries()) {
      const finding = resultFinding(result, index, document);
      if (finding.check === "red-team") anyRedteam = true;
      finding.key = takeNumberedKey(seenKeys, prefix + finding.key);
      findings.push(finding);
    }
  }
  const first = documents[0];
  return {
    eventType: anyRedteam || documents.some((d) => d.redteamRun) ? "promptfoo.redteam" : "promptfoo.eval",
    deliveryId: documents.length === 1 ? (first?.evalId ?? null) : null,
    effectiveAt: first?.timestamp ?? null,
    findings,
  };
}

function readDocument(value: unknown, where: string | null): EvalDocument {
  const file = parseSourceShape(
    fileSchema,
    value,
    where ? `promptfoo results file (${where})` : "promptfoo results file",
  );
  const summary = Array.isArray(file.results) ? null : file.results;
  const rows = Array.isArray(file.results) ? file.results : file.results.results;
  const results = rows.map((row, index) => parseSourceShape(resultSchema, row, `promptfoo result (results.${index})`));
  const timestamp =
    toIsoTime(summary?.timestamp, EVAL_TIME) ??
    toIsoTime(file.timestamp, EVAL_TIME) ??
    toIsoTime(file.metadata?.evaluationCreatedAt, EVAL_TIME) ??
    toIsoTime(file.metadata?.exportedAt, EVAL_TIME);
  const redteam = file.config?.redteam;
  return {
    evalId: file.evalId ?? null,
    timestamp,
    redteamRun: redteam !== undefined && redteam !== null && redteam !== false,
    results,
    links: keepHttpLinks([file.shareableUrl]),
  };
}

function resultFinding(result: PromptfooResult, index: number, document: EvalDocument): NormalizedFinding {
  const sources = [result.metadata, result.testCase?.metadata, result.gradingResult?.metadata];
  const pick = (name: "pluginId" | "strategyId" | "severity" | "harmCategory") =>
    sources.map((m) => m?.[name]).find((v): v is string => typeof v === "string" && v !== "") ?? null;
  const metadata = {
    pluginId: pick("pluginId"),
    strategyId: pick("strategyId"),
    severity: pick("severity"),
    harmCategory: pick("harmCategory"),
  };
  const provider =
    typeof result.provider === "string" ? result.provider : result.provider?.label || result.provider?.id || null;
  const passed = result.success ?? result.gradingResult?.pass ?? null;
  const errored = result.failureReason === 2 || passed === null;
  const reason = result.gradingResult?.reason ?? result.error ?? null;
  const key =
    result.id != null && result.id !== ""
      ? `result=${result.id}`
      : `prompt=${result.promptIdx ?? 0}/test=${result.testIdx ?? index}/provider=${provider ?? "unknown"}`;
  const description = result.testCase?.description ?? result.description ?? null;
  const base = {
    key,
    subject: { kind: "model" as const, name: provider ?? "promptfoo target" },
    observedAt: document.timestamp,
    links: document.links,
    ...(reason ? { detail: truncateText(reason, 500) } : {}),
  };

  if (metadata.pluginId || document.redteamRun) {
    const outcome = errored ? "error" : passed ? "pass" : "fail";
    const toolSeverity = metadata.severity?.toLowerCase() ?? null;
    const plugin = metadata.pluginId ?? "red team test";
    const verdict = outcome === "error" ? "could not be graded" : outcome === "pass" ? "resisted" : "attack succeeded";
    return {
      ...base,
      check: "red-team",
      outcome,
      severity: outcome === "fail" ? readSeverity(toolSeverity) : null,
      title: `promptfoo ${plugin}${metadata.strategyId ? ` via ${metadata.strategyId}` : ""}: ${verdict}`,
      attributes: {
        pluginId: metadata.pluginId,
        strategyId: metadata.strategyId,
        severity: toolSeverity,
        harmCategory: metadata.harmCategory,
        provider,
        score: result.score ?? null,
      },
    };
  }
  const verdict = errored ? "errored" : passed ? "passed" : "failed";
  return {
    ...base,
    check: "event",
    outcome: "info",
    severity: null,
    title: `promptfoo test ${description ? `"${truncateText(description, 120)}"` : `#${result.testIdx ?? index}`} ${verdict}`,
    attributes: {
      eventType: "eval-result",
      provider,
      passed,
      score: result.score ?? null,
      failureReason: result.failureReason ?? null,
    },
  };
}

export const promptfooAdapter: SourceAdapter = {
  kind: "promptfoo",
  contentTypes: ["application/json"],
  parse,
};
