import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { readSarifSeverity } from "./sarif/read-sarif-severity.ts";
import { readSarifSubject } from "./sarif/read-sarif-subject.ts";
import { isRecord } from "./shared/is-record.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientBoolean } from "./shared/lenient-boolean.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientRecord } from "./shared/lenient-record.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { takeNumberedKey } from "./shared/take-numbered-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * SARIF 2.1.0 from any tool (Semgrep, CodeQL, Trivy, Grype, Checkov...), per the OASIS SARIF 2.1.0
 * specification: `runs[]` with `tool.driver` (and `extensions`) `rules`, `results` (`ruleId`/`ruleIndex`,
 * `kind`, `level`, `locations`, `suppressions`, `properties`), `invocations`, `automationDetails` and
 * `versionControlProvenance`. A JSON array of logs is read too; SARIF 1.x is refused.
 *
 * Per result: `vulnerability` when the rule is a known vulnerability (CVE-, GHSA-, GO-, PYSEC-, RUSTSEC-,
 * OSV- ids, a `vulnerability` rule tag, or a dependency scanner such as Grype), else `code-scan`. The
 * result's `kind` decides the outcome: fail (the default) fails, pass passes, open is error (the tool
 * could not decide), review/notApplicable/informational are info; a suppressed result (a suppression not
 * rejected or under review) or one whose `baselineState` is `absent` is info. A run with an empty
 * `results` array is one pass (a clean scan by that tool), one without a `results` array adds nothing
 * (SARIF: results unknown); a run whose invocation failed adds an error instead.
 */

const VULNERABILITY_ID =
  /^(CVE-\d{4}-\d+|GHSA(-[0-9a-z]{4}){3}|GO-\d{4}-\d+|PYSEC-\d{4}-\d+|RUSTSEC-\d{4}-\d+|OSV-\d{4}-\d+)/i;
const DEPENDENCY_SCANNERS = /grype|osv-scanner|govulncheck|dependency-check|npm audit|pip-audit/i;
const IMAGE_SCANNERS = /trivy|grype/i;

/** Invocation `startTimeUtc`/`endTimeUtc`: ISO 8601, read by `Date.parse`. */
const INVOCATION_TIME: ToIsoTimeOptions = { text: "any" };

const ruleSchema = z.looseObject({
  id: lenientString,
  helpUri: lenientString,
  defaultConfiguration: z.looseObject({ level: lenientString }).nullish().catch(null),
  properties: lenientRecord,
});

const componentSchema = z.looseObject({
  name: z.string(),
  version: lenientString,
  semanticVersion: lenientString,
  rules: z.array(ruleSchema).nullish(),
});

const resultSchema = z.looseObject({
  ruleId: lenientString,
  ruleIndex: lenientNumber,
  rule: z
    .looseObject({
      id: lenientString,
      index: lenientNumber,
      toolComponent: z.looseObject({ index: lenientNumber }).nullish().catch(null),
    })
    .nullish()
    .catch(null),
  kind: lenientString,
  level: lenientString,
  guid: lenientString,
  message: z.looseObject({ text: lenientString }).nullish().catch(null),
  locations: lenientList,
  suppressions: z
    .array(z.looseObject({ status: lenientString }))
    .nullish()
    .catch(null),
  baselineState: lenientString,
  properties: lenientRecord,
});

const runSchema = z.looseObject({
  tool: z.looseObject({ driver: componentSchema, extensions: z.array(componentSchema).nullish() }),
  results: z.array(resultSchema).nullish(),
  invocations: z
    .array(
      z.looseObject({
        executionSuccessful: lenientBoolean,
        startTimeUtc: lenientString,
        endTimeUtc: lenientString,
      }),
    )
    .nullish()
    .catch(null),
  automationDetails: z.looseObject({ id: lenientString, guid: lenientString }).nullish().catch(null),
  versionControlProvenance: lenientList,
  properties: lenientRecord,
});

const logSchema = z.looseObject({
  version: z
    .string()
    .refine((v) => v.startsWith("2."), { message: "only SARIF 2.x is read" })
    .optional(),
  runs: z.array(runSchema),
});

type Run = z.output<typeof runSchema>;
type Result = z.output<typeof resultSchema>;
type Rule = z.output<typeof ruleSchema>;

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "SARIF log");
  const logs = Array.isArray(body) ? body : [body];
  if (logs.length === 0) throw new AppError("validation_failed", "This is not a SARIF log: it is empty.");
  const runs = logs.flatMap(
    (log, index) => parseSourceShape(logSchema, log, logs.length > 1 ? `SARIF log (item ${index})` : "SARIF log").runs,
  );
  const seenKeys = new Map<string, number>();
  const findings = runs.flatMap((run, index) => runFindings(run, runs.length > 1 ? `run=${index}/` : "", seenKeys));
  const first = runs[0];
  const invocation = first?.invocations?.[0];
  return {
    eventType: "sarif",
    deliveryId: runs.length === 1 ? (first?.automationDetails?.guid ?? first?.automationDetails?.id ?? null) : null,
    effectiveAt:
      toIsoTime(invocation?.endTimeUtc, INVOCATION_TIME) ?? toIsoTime(invocation?.startTimeUtc, INVOCATION_TIME),
    findings,
  };
}

function runFindings(run: Run, prefix: string, seenKeys: Map<string, number>): NormalizedFinding[] {
  const driver = run.tool.driver;
  const tool = driver.name;
  const toolVersion = driver.semanticVersion ?? driver.version ?? null;
  const runSubject = readSarifSubject(run);
  const observedAt =
    toIsoTime(run.invocations?.[0]?.endTimeUtc, INVOCATION_TIME) ??
    toIsoTime(run.invocations?.[0]?.startTimeUtc, INVOCATION_TIME);
  const findings: NormalizedFinding[] = [];

  for (const [index, result] of (run.results ?? []).entries()) {
    const rule = findRule(run, result);
    const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? "unknown-rule";
    const { uri, location } = readLocation(result.locations?.[0]);
    const cve = VULNERABILITY_ID.exec(ruleId)?.[1]?.toUpperCase() ?? null;
    const tags = Array.isArray(rule?.properties?.tags) ? (rule.properties.tags as unknown[]) : [];
    const vulnerability = cve !== null || tags.includes("vulnerability") || DEPENDENCY_SCANNERS.test(tool);
    const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
    const suppressed = (result.suppressions ?? []).some((s) => s.status !== "rejected" && s.status !== "underReview");
    const kind = result.kind ?? "fail";
    const outcome =
      suppressed || result.baselineState === "absent"
        ? "info"
        : kind === "fail"
          ? "fail"
          : kind === "pass"
            ? "pass"
            : kind === "open"
              ? "error"
              : "info";
    const note = suppressed ? " (suppressed)" : result.baselineState === "absent" ? " (no longer present)" : "";
    const message = result.message?.text ?? null;
    findings.push({
      key: takeNumberedKey(
        seenKeys,
        `${prefix}${result.guid ? `result=${result.guid}` : `rule=${ruleId}/${location ?? index}`}`,
      ),
      subject: runSubject ?? { kind: "other", name: uri ?? tool },
      check: vulnerability ? "vulnerability" : "code-scan",
      outcome,
      severity:
        outcome === "fail"
          ? readSarifSeverity({ level, resultProperties: result.properties, ruleProperties: rule?.properties })
          : null,
      title: `${tool}: ${truncateText(ruleId, 120)}${location ? ` at ${truncateText(location, 120)}` : ""}${note}`,
      ...(message ? { detail: truncateText(message, 500) } : {}),
      observedAt,
      links: keepHttpLinks([rule?.helpUri]),
      attributes: { tool, ruleId, location, level, ...(vulnerability ? { cve } : {}), kind },
    });
  }

  if (run.invocations?.some((i) => i.executionSuccessful === false)) {
    findings.push({
      key: takeNumberedKey(seenKeys, `${prefix}invocation-failed`),
      subject: runSubject ?? { kind: "other", name: tool },
      check: IMAGE_SCANNERS.test(tool) || DEPENDENCY_SCANNERS.test(tool) ? "vulnerability" : "code-scan",
      outcome: "error",
      severity: null,
      title: `${tool} did not complete its scan`,
      observedAt,
      links: [],
      attributes: { tool, toolVersion },
    });
  } else if (Array.isArray(run.results) && run.results.length === 0) {
    findings.push({
      key: takeNumberedKey(seenKeys, `${prefix}clean=${tool}`),
      subject: runSubject ?? { kind: "other", name: tool },
      check: IMAGE_SCANNERS.test(tool) || DEPENDENCY_SCANNERS.test(tool) ? "vulnerability" : "code-scan",
      outcome: "pass",
      severity: null,
      title: `${tool} reported no results`,
      observedAt,
      links: [],
      attributes: { tool, toolVersion },
    });
  }
  return findings;
}

/** The rule a result refers to: by `rule.toolComponent.index` + index into an extension, else the driver. */
function findRule(run: Run, result: Result): Rule | null {
  const componentIndex = result.rule?.toolComponent?.index;
  const component =
    componentIndex != null ? (run.tool.extensions?.[componentIndex] ?? run.tool.driver) : run.tool.driver;
  const rules = component.rules ?? [];
  const index = result.ruleIndex ?? result.rule?.index;
  const byIndex = index != null ? rules[index] : undefined;
  const id = result.ruleId ?? result.rule?.id;
  if (byIndex && (id == null || byIndex.id === id || id.startsWith(`${byIndex.id ?? ""}/`))) return byIndex;
  return (id != null ? rules.find((r) => r.id === id) : undefined) ?? byIndex ?? null;
}

/** `file:line` of a result's first physical location (the artifact URI alone when it has no region). */
function readLocation(value: unknown): { uri: string | null; location: string | null } {
  const physical = isRecord(value) && isRecord(value.physicalLocation) ? value.physicalLocation : null;
  const artifact = physical && isRecord(physical.artifactLocation) ? physical.artifactLocation : null;
  const uri = artifact && typeof artifact.uri === "string" && artifact.uri !== "" ? artifact.uri : null;
  const region = physical && isRecord(physical.region) ? physical.region : null;
  const line = region && typeof region.startLine === "number" ? region.startLine : null;
  return { uri, location: uri === null ? null : line === null ? uri : `${uri}:${line}` };
}

export const sarifAdapter: SourceAdapter = {
  kind: "sarif",
  contentTypes: ["application/sarif+json", "application/json"],
  parse,
};
