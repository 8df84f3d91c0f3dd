import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { isRecord } from "./shared/is-record.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientRecord } from "./shared/lenient-record.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { readSeverity } from "./shared/read-severity.ts";
import { takeNumberedKey } from "./shared/take-numbered-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";
import { pickCvssScore } from "./trivy/pick-cvss-score.ts";

/**
 * Trivy: the JSON report of `trivy image|fs|repo --format json` (SchemaVersion 2: `ArtifactName`,
 * `ArtifactType`, `Metadata` with `ImageID`/`RepoDigests`/`RepoTags`, `Results[]` with `Target`, `Class`,
 * `Type`, `Vulnerabilities`, `Misconfigurations`, `Secrets`), as in aquasecurity/trivy
 * `pkg/types/report.go` and its `integration/testdata/*.json.golden` files. A JSON array of reports is
 * read too; a Kubernetes cluster report (`ClusterName`) is kept as one info event.
 *
 * One `vulnerability` fail per vulnerability (keyed by ID, package, installed version and target). A
 * misconfiguration with status FAIL is a `code-scan` fail, EXCEPTION (accepted) is info; PASS entries only
 * count towards a clean result. Each detected secret is a `code-scan` fail (the matched text is never
 * copied). A report that scanned packages and found no vulnerability gives one `vulnerability` pass for
 * the artifact; one that scanned configuration and found no failure, one `code-scan` pass.
 */

/** `CreatedAt`: RFC 3339 with nanoseconds, read by `Date.parse`. */
const CREATED_AT: ToIsoTimeOptions = { text: "any" };

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

const vulnerabilitySchema = z.looseObject({
  VulnerabilityID: z.string(),
  PkgName: lenientString,
  PkgPath: lenientString,
  InstalledVersion: lenientString,
  FixedVersion: lenientString,
  Status: lenientString,
  Severity: lenientString,
  Title: lenientString,
  PrimaryURL: lenientString,
  References: lenientList,
  CVSS: lenientRecord,
});

const misconfigurationSchema = z.looseObject({
  ID: lenientString,
  AVDID: lenientString,
  Title: lenientString,
  Message: lenientString,
  Severity: lenientString,
  Status: lenientString,
  PrimaryURL: lenientString,
  CauseMetadata: z.looseObject({ StartLine: lenientNumber, Resource: lenientString }).nullish().catch(null),
});

const secretSchema = z.looseObject({
  RuleID: lenientString,
  Category: lenientString,
  Severity: lenientString,
  Title: lenientString,
  StartLine: lenientNumber,
});

const resultSchema = z.looseObject({
  Target: z.string(),
  Class: lenientString,
  Type: lenientString,
  Vulnerabilities: list(vulnerabilitySchema),
  Misconfigurations: list(misconfigurationSchema),
  Secrets: list(secretSchema),
});

const reportSchema = z.looseObject({
  SchemaVersion: lenientNumber,
  CreatedAt: lenientString,
  ArtifactName: z.string(),
  ArtifactType: lenientString,
  Metadata: z
    .looseObject({
      ImageID: lenientString,
      RepoDigests: z.array(z.string()).nullish().catch(null),
      RepoTags: z.array(z.string()).nullish().catch(null),
    })
    .nullish()
    .catch(null),
  Results: list(resultSchema),
});

type Report = z.output<typeof reportSchema>;
type Subject = NormalizedFinding["subject"];

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "Trivy report");
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw new AppError("validation_failed", "This is not a Trivy report: it is empty.");
  const seenKeys = new Map<string, number>();
  const findings: NormalizedFinding[] = [];
  let effectiveAt: string | null = null;
  for (const [index, item] of items.entries()) {
    const prefix = items.length > 1 ? `report=${index}/` : "";
    if (isRecord(item) && typeof item.ClusterName === "string" && !("ArtifactName" in item)) {
      findings.push(clusterEvent(item.ClusterName, prefix));
      continue;
    }
    const where = items.length > 1 ? `Trivy report (item ${index})` : "Trivy report";
    const report = parseSourceShape(reportSchema, item, where);
    effectiveAt ??= toIsoTime(report.CreatedAt, CREATED_AT);
    findings.push(...reportFindings(report, prefix, seenKeys));
  }
  return { eventType: "trivy.report", deliveryId: null, effectiveAt, findings };
}

function reportFindings(report: Report, prefix: string, seenKeys: Map<string, number>): NormalizedFinding[] {
  const subject = artifactSubject(report);
  const observedAt = toIsoTime(report.CreatedAt, CREATED_AT);
  const findings: NormalizedFinding[] = [];
  const results = report.Results ?? [];
  let vulnerabilities = 0;
  let failedChecks = 0;
  let packagesScanned = results.length === 0;
  let configScanned = false;

  for (const result of results) {
    const target = result.Target;
    if (result.Class === "os-pkgs" || result.Class === "lang-pkgs" || result.Vulnerabilities != null) {
      packagesScanned = true;
    }
    if (result.Class === "config" || result.Misconfigurations != null) configScanned = true;

    for (const vuln of result.Vulnerabilities ?? []) {
      vulnerabilities++;
      const pkg = vuln.PkgName ?? "unknown package";
      const severity = readSeverity(vuln.Severity);
      findings.push({
        key: takeNumberedKey(
          seenKeys,
          `${prefix}vuln=${vuln.VulnerabilityID}/${pkg}@${vuln.InstalledVersion ?? "?"}/${target}`,
        ),
        subject,
        check: "vulnerability",
        outcome: "fail",
        severity,
        title: `${vuln.VulnerabilityID} in ${pkg} ${vuln.InstalledVersion ?? ""}`.trim(),
        ...(vuln.Title ? { detail: truncateText(vuln.Title, 500) } : {}),
        observedAt,
        links: keepHttpLinks([vuln.PrimaryURL, ...(vuln.References ?? [])], 5),
        attributes: {
          cve: vuln.VulnerabilityID,
          package: pkg,
          installedVersion: vuln.InstalledVersion ?? null,
          fixedVersion: vuln.FixedVersion || null,
          fixAvailable: Boolean(vuln.FixedVersion),
          target,
          cvssScore: pickCvssScore(vuln.CVSS),
        },
      });
    }

    for (const check of result.Misconfigurations ?? []) {
      const status = check.Status?.toUpperCase() ?? "FAIL";
      if (status === "PASS") continue;
      if (status === "FAIL") failedChecks++;
      const id = check.AVDID ?? check.ID ?? "unknown-check";
      const line = check.CauseMetadata?.StartLine ?? null;
      findings.push({
        key: takeNumberedKey(seenKeys, `${prefix}misconfig=${id}/${target}${line ? `:${line}` : ""}`),
        subject,
        check: "code-scan",
        outcome: status === "FAIL" ? "fail" : "info",
        severity: status === "FAIL" ? readSeverity(check.Severity) : null,
        title: `${id}: ${truncateText(check.Title ?? "misconfiguration", 160)}${status === "FAIL" ? "" : ` (${status.toLowerCase()})`}`,
        ...(check.Message ? { detail: truncateText(check.Message, 500) } : {}),
        observedAt,
        links: keepHttpLinks([check.PrimaryURL]),
        attributes: { ruleId: id, location: line ? `${target}:${line}` : target, target, status },
      });
    }

    for (const secret of result.Secrets ?? []) {
      const rule = secret.RuleID ?? "secret";
      const line = secret.StartLine ?? null;
      findings.push({
        key: takeNumberedKey(seenKeys, `${prefix}secret=${rule}/${target}${line ? `:${line}` : ""}`),
        subject,
        check: "code-scan",
        outcome: "fail",
        severity: readSeverity(secret.Severity),
        title: `Secret in ${target}${line ? `:${line}` : ""}: ${truncateText(secret.Title ?? rule, 160)}`,
        observedAt,
        links: [],
        attributes: {
          ruleId: rule,
          category: secret.Category ?? null,
          location: line ? `${target}:${line}` : target,
          target,
          secret: true,
        },
      });
    }
  }

  if (vulnerabilities === 0 && packagesScanned) {
    findings.push({
      key: takeNumberedKey(seenKeys, `${prefix}clean=vulnerabilities`),
      subject,
      check: "vulnerability",
      outcome: "pass",
      severity: null,
      title: `Trivy found no vulnerabilities in ${report.ArtifactName}`,
      observedAt,
      links: [],
      attributes: { targets: results.length },
    });
  }
  if (failedChecks === 0 && configScanned) {
    findings.push({
      key: takeNumberedKey(seenKeys, `${prefix}clean=misconfigurations`),
      subject,
      check: "code-scan",
      outcome: "pass",
      severity: null,
      title: `Trivy found no failing configuration checks in ${report.ArtifactName}`,
      observedAt,
      links: [],
      attributes: { targets: results.length },
    });
  }
  return findings;
}

/** The scanned artifact: an image by name and registry digest (`RepoDigests`), a repository, or a path. */
function artifactSubject(report: Report): Subject {
  const type = report.ArtifactType ?? "";
  const digest = report.Metadata?.RepoDigests?.map((d) => d.split("@")[1]).find((d) => d?.startsWith("sha256:"));
  if (type === "container_image" || type === "image") {
    return { kind: "container-image", name: report.ArtifactName, ...(digest ? { digest } : {}) };
  }
  if (type === "repository") return { kind: "repository", name: report.ArtifactName };
  return { kind: "other", name: report.ArtifactName };
}

function clusterEvent(cluster: string, prefix: string): NormalizedFinding {
  return {
    key: `${prefix}event=cluster`,
    subject: { kind: "other", name: cluster },
    check: "event",
    outcome: "info",
    severity: null,
    title: `Trivy Kubernetes report for cluster ${truncateText(cluster, 100)} (not interpreted)`,
    observedAt: null,
    links: [],
    attributes: { eventType: "kubernetes-report" },
  };
}

export const trivyAdapter: SourceAdapter = {
  kind: "trivy",
  contentTypes: ["application/json"],
  parse,
};
