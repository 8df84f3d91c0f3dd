import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";

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

const SEVERITY: Record<string, NonNullable<NormalizedFinding["severity"]>> = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
  negligible: "info",
};

const text = z.string().nullish().catch(null);

const matchSchema = z.looseObject({
  vulnerability: z.looseObject({
    id: z.string(),
    severity: text,
    description: text,
    dataSource: text,
    urls: z.array(z.unknown()).nullish().catch(null),
    cvss: z.array(z.unknown()).nullish().catch(null),
    fix: z
      .looseObject({ versions: z.array(z.string()).nullish().catch(null), state: text })
      .nullish()
      .catch(null),
    knownExploited: z.array(z.unknown()).nullish().catch(null),
  }),
  artifact: z.looseObject({
    id: text,
    name: z.string(),
    version: text,
    type: text,
    purl: text,
  }),
});

type Match = z.output<typeof matchSchema>;

const reportSchema = z.looseObject({
  matches: z.array(matchSchema),
  ignoredMatches: z.array(matchSchema).nullish(),
  source: z.looseObject({ type: text, target: z.unknown().optional() }).nullish().catch(null),
  descriptor: z.looseObject({ name: text, version: text, timestamp: text }).nullish().catch(null),
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
    effectiveAt: toIsoDate(reports[0]?.descriptor?.timestamp),
    findings,
  };
}

function reportFindings(report: Report, prefix: string, seenKeys: Map<string, number>): NormalizedFinding[] {
  const subject = sourceSubject(report);
  const observedAt = toIsoDate(report.descriptor?.timestamp);
  const toFinding = (match: Match, ignored: boolean): NormalizedFinding => {
    const { vulnerability: vuln, artifact } = match;
    const version = artifact.version ?? "";
    const fixedVersion = vuln.fix?.versions?.[0] ?? null;
    return {
      key: uniqueKey(
        seenKeys,
        `${prefix}${ignored ? "ignored/" : ""}vuln=${vuln.id}/${artifact.name}@${version || "?"}/${artifact.type ?? "unknown"}`,
      ),
      subject,
      check: "vulnerability",
      outcome: ignored ? "info" : "fail",
      severity: ignored ? null : (SEVERITY[vuln.severity?.toLowerCase() ?? ""] ?? null),
      title: `${vuln.id} in ${artifact.name} ${version}${ignored ? " (ignored)" : ""}`.replace(/ +/g, " ").trim(),
      ...(vuln.description ? { detail: truncate(vuln.description, 500) } : {}),
      observedAt,
      links: httpLinks([vuln.dataSource, ...(vuln.urls ?? [])]),
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
      key: uniqueKey(seenKeys, `${prefix}clean=${subject.name}`),
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
      str(target.userInput) ?? (Array.isArray(target.tags) ? str(target.tags[0]) : null) ?? str(target.imageID);
    const repoDigest = Array.isArray(target.repoDigests)
      ? (target.repoDigests as unknown[]).map((d) => str(d)?.split("@")[1]).find((d) => d?.startsWith("sha256:"))
      : undefined;
    const digest = repoDigest ?? str(target.manifestDigest) ?? undefined;
    const kind = source?.type === "image" || "imageID" in target ? "container-image" : "other";
    return { kind, name: name ?? str(target.path) ?? "grype target", ...(digest ? { digest } : {}) };
  }
  const path = str(target);
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

function httpLinks(values: readonly unknown[]): string[] {
  const links = values.filter((v): v is string => typeof v === "string" && /^https?:\/\/\S+$/i.test(v));
  return [...new Set(links)].slice(0, 5);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function uniqueKey(seen: Map<string, number>, base: string): string {
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base}#${n}`;
}

function toIsoDate(value: string | null | undefined): string | null {
  if (value == null || value.trim() === "") return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const grypeAdapter: SourceAdapter = {
  kind: "grype",
  contentTypes: ["application/json"],
  parse,
};
