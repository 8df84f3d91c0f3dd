import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { isRecord } from "./shared/is-record.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { readSeverity, type Severity } from "./shared/read-severity.ts";
import { readString } from "./shared/read-string.ts";
import { takeNumberedKey } from "./shared/take-numbered-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * Grype: the JSON report of `grype <target> -o json` (`matches[]` of `vulnerability` {id, severity, fix,
 * cvss, urls, knownExploited} + `artifact` {name, version, type, purl} + `matchDetails`; `ignoredMatches`;
 * `source` {type, target}; `descriptor` {name, version, timestamp}), as in anchore/grype
 * `grype/presenter/models/document.go` and its JSON presenter snapshots. A JSON array of reports is read.
 *
 * One `vulnerability` fail per match, with Grype's severity (Negligible maps to info, Unknown to none);
 * an ignored match is info. A report without any match gives one `vulnerability` pass for its target.
 * The subject is the scanned image (`userInput`, with its registry digest from `repoDigests`, else the
 * manifest digest) or the scanned directory, file or SBOM.
 */

/** Grype's `Negligible` beside critical/high/medium/low (`Unknown` has no severity). */
const NEGLIGIBLE: Record<string, Severity> = { negligible: "info" };
/** `descriptor.timestamp`: RFC 3339, read by `Date.parse`. */
const TIMESTAMP: ToIsoTimeOptions = { text: "any" };

const matchSchema = z.looseObject({
  vulnerability: z.looseObject({
    id: z.string(),
    severity: lenientString,
    description: lenientString,
    dataSource: lenientString,
    urls: lenientList,
    cvss: lenientList,
    fix: z
      .looseObject({ versions: z.array(z.string()).nullish().catch(null), state: lenientString })
      .nullish()
      .catch(null),
    knownExploited: lenientList,
  }),
  artifact: z.looseObject({
    id: lenientString,
    name: z.string(),
    version: lenientString,
    type: lenientString,
    purl: lenientString,
  }),
});

type Match = z.output<typeof matchSchema>;

const reportSchema = z.looseObject({
  matches: z.array(matchSchema),
  ignoredMatches: z.array(matchSchema).nullish(),
  source: z.looseObject({ type: lenientString, target: z.unknown().optional() }).nullish().catch(null),
  descriptor: z
    .looseObject({ name: lenientString, version: lenientString, timestamp: lenientString })
    .nullish()
    .catch(null),
});

type Report = z.output<typeof reportSchema>;
type Subject = NormalizedFinding["subject"];

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseJsonBytes(raw, "Grype report");
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw new AppError("validation_failed", "This is not a Grype report: it is empty.");
  const reports = items.map((item, index) =>
    parseSourceShape(reportSchema, item, items.length > 1 ? `Grype report (item ${index})` : "Grype report"),
  );
  const seenKeys = new Map<string, number>();
  const findings = reports.flatMap((report, index) =>
    reportFindings(report, reports.length > 1 ? `report=${index}/` : "", seenKeys),
  );
  return {
    eventType: "grype.report",
    deliveryId: null,
    effectiveAt: toIsoTime(reports[0]?.descriptor?.timestamp, TIMESTAMP),
    findings,
  };
}

function reportFindings(report: Report, prefix: string, seenKeys: Map<string, number>): NormalizedFinding[] {
  const subject = sourceSubject(report);
  const observedAt = toIsoTime(report.descriptor?.timestamp, TIMESTAMP);
  const toFinding = (match: Match, ignored: boolean): NormalizedFinding => {
    const { vulnerability: vuln, artifact } = match;
    const version = artifact.version ?? "";
    const fixedVersion = vuln.fix?.versions?.[0] ?? null;
    return {
      key: takeNumberedKey(
        seenKeys,
        `${prefix}${ignored ? "ignored/" : ""}vuln=${vuln.id}/${artifact.name}@${version || "?"}/${artifact.type ?? "unknown"}`,
      ),
      subject,
      check: "vulnerability",
      outcome: ignored ? "info" : "fail",
      severity: ignored ? null : readSeverity(vuln.severity, NEGLIGIBLE),
      title: `${vuln.id} in ${artifact.name} ${version}${ignored ? " (ignored)" : ""}`.replace(/ +/g, " ").trim(),
      ...(vuln.description ? { detail: truncateText(vuln.description, 500) } : {}),
      observedAt,
      links: keepHttpLinks([vuln.dataSource, ...(vuln.urls ?? [])], 5),
      attributes: {
        cve: vuln.id,
        package: artifact.name,
        installedVersion: artifact.version || null,
        pkgType: artifact.type || null,
        fixedVersion,
        fixState: vuln.fix?.state || null,
        knownExploited: (vuln.knownExploited ?? []).length > 0,
        cvssScore: maxBaseScore(vuln.cvss),
      },
    };
  };
  const findings = [
    ...report.matches.map((m) => toFinding(m, false)),
    ...(report.ignoredMatches ?? []).map((m) => toFinding(m, true)),
  ];
  if (report.matches.length === 0) {
    findings.push({
      key: takeNumberedKey(seenKeys, `${prefix}clean=${subject.name}`),
      subject,
      check: "vulnerability",
      outcome: "pass",
      severity: null,
      title: `Grype found no vulnerabilities in ${subject.name}`,
      observedAt,
      links: [],
      attributes: {
        ignoredMatches: (report.ignoredMatches ?? []).length,
        grypeVersion: report.descriptor?.version ?? null,
      },
    });
  }
  return findings;
}

/** The scanned image by what the user asked for and its digest, or the scanned path. */
function sourceSubject(report: Report): Subject {
  const source = report.source;
  const target = source?.target;
  if (isRecord(target)) {
    const name =
      readString(target.userInput) ??
      (Array.isArray(target.tags) ? readString(target.tags[0]) : null) ??
      readString(target.imageID);
    const repoDigest = Array.isArray(target.repoDigests)
      ? (target.repoDigests as unknown[]).map((d) => readString(d)?.split("@")[1]).find((d) => d?.startsWith("sha256:"))
      : undefined;
    const digest = repoDigest ?? readString(target.manifestDigest) ?? undefined;
    const kind = source?.type === "image" || "imageID" in target ? "container-image" : "other";
    return { kind, name: name ?? readString(target.path) ?? "grype target", ...(digest ? { digest } : {}) };
  }
  const path = readString(target);
  return { kind: "other", name: path ?? "grype target" };
}

/** The highest CVSS base score Grype lists for the vulnerability, or null. */
function maxBaseScore(cvss: unknown[] | null | undefined): number | null {
  let best: number | null = null;
  for (const entry of cvss ?? []) {
    const metrics = isRecord(entry) && isRecord(entry.metrics) ? entry.metrics : null;
    const score = metrics?.baseScore;
    if (typeof score === "number" && Number.isFinite(score) && (best === null || score > best)) best = score;
  }
  return best;
}

export const grypeAdapter: SourceAdapter = {
  kind: "grype",
  contentTypes: ["application/json"],
  parse,
};
