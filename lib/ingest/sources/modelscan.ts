import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { readSeverity } from "./shared/read-severity.ts";
import { takeNumberedKey } from "./shared/take-numbered-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * protectai modelscan: the JSON report of `modelscan -p <path> -r json -o report.json`
 * (`ModelScan._generate_results` in protectai/modelscan `modelscan/modelscan.py`: `summary` with
 * `total_issues_by_severity`, `input_path`, `timestamp`, `scanned`, `skipped`; `issues` from
 * `OperatorIssueDetails.output_json`; `errors` from `ErrorBase.to_dict`), modelscan 0.5 to 0.8. A JSON
 * array of reports is read too.
 *
 * One `model-scan` fail per issue, with modelscan's severity (CRITICAL/HIGH/MEDIUM/LOW). A report with
 * no issue gives one `model-scan` pass for the scanned path, or `info` when no file was scanned at all
 * (every file skipped proves nothing; with scan errors, the errors alone). Each scan error is an `error` finding. modelscan writes a local
 * time without a zone; it is read as UTC.
 */

/** modelscan writes a local time without a zone (`datetime.now().isoformat()`); it is read as UTC. */
const SCAN_TIME: ToIsoTimeOptions = { text: "any", zonelessAsUtc: true };

const issueSchema = z.looseObject({
  description: lenientString,
  operator: lenientString,
  module: lenientString,
  source: lenientString,
  scanner: lenientString,
  severity: lenientString,
});

const errorSchema = z.looseObject({
  category: lenientString,
  description: lenientString,
  message: lenientString,
  source: lenientString,
  scanner: lenientString,
});

const reportSchema = z.looseObject({
  summary: z.looseObject({
    total_issues: lenientNumber,
    input_path: lenientString,
    absolute_path: lenientString,
    modelscan_version: lenientString,
    timestamp: lenientString,
    scanned: z.looseObject({ total_scanned: lenientNumber }).nullish().catch(null),
    skipped: z.looseObject({ total_skipped: lenientNumber }).nullish().catch(null),
  }),
  issues: z.array(issueSchema).nullish(),
  errors: z.array(z.union([errorSchema, z.string()])).nullish(),
});

type Report = z.output<typeof reportSchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "modelscan report");
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw new AppError("validation_failed", "This is not a modelscan report: it is empty.");
  const reports = items.map((item, index) =>
    parseSourceShape(reportSchema, item, items.length > 1 ? `modelscan report (item ${index})` : "modelscan report"),
  );
  const seenKeys = new Map<string, number>();
  const findings = reports.flatMap((report, index) =>
    reportFindings(report, reports.length > 1 ? `report=${index}/` : "", seenKeys),
  );
  return {
    eventType: "modelscan.report",
    deliveryId: null,
    effectiveAt: toIsoTime(reports[0]?.summary.timestamp, SCAN_TIME),
    findings,
  };
}

function reportFindings(report: Report, prefix: string, seenKeys: Map<string, number>): NormalizedFinding[] {
  const summary = report.summary;
  const path = summary.input_path ?? summary.absolute_path ?? "model";
  const subject = { kind: "model" as const, name: path };
  const observedAt = toIsoTime(summary.timestamp, SCAN_TIME);
  const findings: NormalizedFinding[] = [];

  for (const issue of report.issues ?? []) {
    const operator = [issue.module, issue.operator].filter(Boolean).join(".");
    findings.push({
      key: takeNumberedKey(
        seenKeys,
        `${prefix}issue=${issue.source ?? path}/${operator || "unknown"}/${issue.scanner ?? "modelscan"}`,
      ),
      subject,
      check: "model-scan",
      outcome: "fail",
      severity: readSeverity(issue.severity),
      title: truncateText(
        issue.description ?? `Unsafe operator ${operator || "(unnamed)"} in ${issue.source ?? path}`,
        200,
      ),
      observedAt,
      links: [],
      attributes: {
        file: issue.source ?? null,
        module: issue.module ?? null,
        operator: issue.operator ?? null,
        scanner: issue.scanner ?? null,
      },
    });
  }

  for (const error of report.errors ?? []) {
    const entry = typeof error === "string" ? { description: error } : error;
    const description = entry.description ?? entry.message ?? null;
    const category = "category" in entry ? (entry.category ?? null) : null;
    const source = "source" in entry ? (entry.source ?? null) : null;
    findings.push({
      key: takeNumberedKey(seenKeys, `${prefix}error=${category ?? "error"}/${source ?? path}`),
      subject,
      check: "model-scan",
      outcome: "error",
      severity: null,
      title: `modelscan could not scan ${source ?? path}${category ? ` (${category})` : ""}`,
      ...(description ? { detail: truncateText(description, 500) } : {}),
      observedAt,
      links: [],
      attributes: { file: source, category, scanner: "scanner" in entry ? (entry.scanner ?? null) : null },
    });
  }

  if ((report.issues ?? []).length === 0) {
    const scanned = summary.scanned?.total_scanned ?? null;
    const skipped = summary.skipped?.total_skipped ?? null;
    const errors = (report.errors ?? []).length;
    // A clean result needs files that were scanned; with none (or none known and errors), it proves nothing.
    const clean = scanned !== null ? scanned > 0 : errors === 0;
    if (clean || errors === 0) {
      findings.push({
        key: takeNumberedKey(seenKeys, `${prefix}clean=${path}`),
        subject,
        check: "model-scan",
        outcome: clean ? "pass" : "info",
        severity: null,
        title: clean
          ? `modelscan found no unsafe code in ${path}`
          : `modelscan scanned no file in ${path}${skipped ? ` (${skipped} skipped)` : ""}`,
        observedAt,
        links: [],
        attributes: {
          scannedFiles: scanned,
          skippedFiles: skipped,
          modelscanVersion: summary.modelscan_version ?? null,
        },
      });
    }
  }
  return findings;
}

export const modelscanAdapter: SourceAdapter = {
  kind: "modelscan",
  contentTypes: ["application/json"],
  parse,
};
