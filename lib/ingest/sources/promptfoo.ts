import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";

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

const SEVERITIES = new Set(["critical", "high", "medium", "low"]);

const metadataSchema = z
  .looseObject({
    pluginId: z.string().nullish().catch(null),
    strategyId: z.string().nullish().catch(null),
    severity: z.string().nullish().catch(null),
    harmCategory: z.string().nullish().catch(null),
  })
  .nullish()
  .catch(null);

const resultSchema = z
  .looseObject({
    id: z.string().nullish().catch(null),
    description: z.string().nullish().catch(null),
    promptIdx: z.number().nullish().catch(null),
    testIdx: z.number().nullish().catch(null),
    provider: z
      .union([z.string(), z.looseObject({ id: z.string().nullish(), label: z.string().nullish() })])
      .nullish()
      .catch(null),
    success: z.boolean().nullish().catch(null),
    score: z.number().nullish().catch(null),
    failureReason: z.number().nullish().catch(null),
    error: z.string().nullish().catch(null),
    gradingResult: z
      .looseObject({
        pass: z.boolean().nullish().catch(null),
        reason: z.string().nullish().catch(null),
        metadata: metadataSchema,
      })
      .nullish()
      .catch(null),
    metadata: metadataSchema,
    testCase: z
      .looseObject({ description: z.string().nullish().catch(null), metadata: metadataSchema })
      .nullish()
      .catch(null),
  })
  .refine((r) => r.success != null || r.gradingResult != null || r.testCase != null, {
    message: "expected a promptfoo result (with success, gradingResult or testCase)",
  });

type PromptfooResult = z.output<typeof resultSchema>;

const summarySchema = z.looseObject({
  version: z.number().nullish().catch(null),
  timestamp: z.string().nullish().catch(null),
  results: z.array(z.unknown()),
});

const fileSchema = z.looseObject({
  evalId: z.string().nullish().catch(null),
  timestamp: z.string().nullish().catch(null),
  results: z.union([z.array(z.unknown()), summarySchema], {
    error: "expected promptfoo results: an array, or an object holding a results array",
  }),
  config: z.looseObject({ redteam: z.unknown().optional() }).nullish().catch(null),
  shareableUrl: z.string().nullish().catch(null),
  metadata: z
    .looseObject({
      evaluationCreatedAt: z.string().nullish().catch(null),
      exportedAt: z.string().nullish().catch(null),
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
      finding.key = uniqueKey(seenKeys, prefix + finding.key);
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
    toIsoDate(summary?.timestamp) ??
    toIsoDate(file.timestamp) ??
    toIsoDate(file.metadata?.evaluationCreatedAt) ??
    toIsoDate(file.metadata?.exportedAt);
  const redteam = file.config?.redteam;
  return {
    evalId: file.evalId ?? null,
    timestamp,
    redteamRun: redteam !== undefined && redteam !== null && redteam !== false,
    results,
    links: file.shareableUrl && /^https?:\/\/\S+$/i.test(file.shareableUrl) ? [file.shareableUrl] : [],
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
    ...(reason ? { detail: truncate(reason, 500) } : {}),
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
      severity: outcome === "fail" && toolSeverity && SEVERITIES.has(toolSeverity) ? toSeverity(toolSeverity) : null,
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
    title: `promptfoo test ${description ? `"${truncate(description, 120)}"` : `#${result.testIdx ?? index}`} ${verdict}`,
    attributes: {
      eventType: "eval-result",
      provider,
      passed,
      score: result.score ?? null,
      failureReason: result.failureReason ?? null,
    },
  };
}

function toSeverity(value: string): NonNullable<NormalizedFinding["severity"]> {
  return value === "critical" ? "critical" : value === "high" ? "high" : value === "medium" ? "medium" : "low";
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function uniqueKey(seen: Map<string, number>, base: string): string {
  const count = (seen.get(base) ?? 0) + 1;
  seen.set(base, count);
  return count === 1 ? base : `${base}#${count}`;
}

function toIsoDate(value: string | null | undefined): string | null {
  if (value == null || value.trim() === "") return null;
  let candidate = value.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(candidate)) {
    candidate = `${candidate.replace(" ", "T")}Z`;
  }
  const date = new Date(candidate);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const promptfooAdapter: SourceAdapter = {
  kind: "promptfoo",
  contentTypes: ["application/json"],
  parse,
};
