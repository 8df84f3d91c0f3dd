import type { NormalizedFinding } from "../../source-adapter.ts";
import { asRecord } from "../shared/as-record.ts";
import { compactAttributes } from "../shared/compact-attributes.ts";
import { normalizeHttpLinks } from "../shared/normalize-http-links.ts";
import { readNumber } from "../shared/read-number.ts";
import { readSeverity, type Severity } from "../shared/read-severity.ts";
import { readText } from "../shared/read-text.ts";
import { toIsoTime } from "../shared/to-iso-time.ts";
import { truncateText } from "../shared/truncate-text.ts";

/** What the GitHub adapter already knows about a delivery when it hands an alert event over. */
export interface AlertContext {
  event: "code_scanning_alert" | "dependabot_alert" | "secret_scanning_alert";
  eventType: string;
  action: string | null;
  repository: string | null;
  alert: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** Code scanning severities beside critical/high/medium/low: the SARIF levels of rules without a security severity. */
const CODE_SCANNING_LEVELS: Record<string, Severity> = { error: "high", warning: "medium", note: "low", none: "info" };
/** GitHub advisories say `moderate` where others say medium. */
const ADVISORY_WORDS: Record<string, Severity> = { moderate: "medium" };

/**
 * One finding for a GitHub security alert webhook (payload fields as in GitHub's webhook reference and
 * the octokit webhook schemas): `code_scanning_alert` -> `code-scan`, `dependabot_alert` ->
 * `vulnerability`, `secret_scanning_alert` -> `code-scan` (a committed secret; the secret itself is never
 * read). Open alerts fail; fixed alerts (and revoked secrets) pass; dismissed or otherwise closed alerts
 * are info (someone accepted the risk, which proves nothing either way).
 */
export function alertFinding(context: AlertContext): NormalizedFinding {
  const { alert, body } = context;
  const number = readNumber(alert.number);
  const repository = context.repository ?? "(unknown repository)";
  const common = {
    eventType: context.eventType,
    action: context.action,
    repository: context.repository,
    alertNumber: number,
  };
  const key = `${context.event}/${repository}/${number ?? readText(alert.url) ?? "?"}/${context.action ?? ""}`;
  const links = normalizeHttpLinks([alert.html_url]);
  const observedAt = toIsoTime(alert.updated_at) ?? toIsoTime(alert.created_at);

  if (context.event === "dependabot_alert") {
    const advisory = asRecord(alert.security_advisory);
    const vulnerability = asRecord(alert.security_vulnerability);
    const dependency = asRecord(alert.dependency);
    const pkg = asRecord(dependency?.package) ?? asRecord(vulnerability?.package);
    const packageName = readText(pkg?.name) ?? "(unknown package)";
    const state = readText(alert.state);
    const cve = readText(advisory?.cve_id);
    const ghsa = readText(advisory?.ghsa_id);
    const severity = readText(advisory?.severity) ?? readText(vulnerability?.severity);
    return {
      key,
      subject: { kind: "package", name: packageName },
      check: "vulnerability",
      outcome: state === "fixed" ? "pass" : state === "open" || state === null ? "fail" : "info",
      severity: readSeverity(severity, ADVISORY_WORDS),
      title: truncateText(
        `Dependabot alert #${number ?? "?"} in ${repository}: ${cve ?? ghsa ?? "advisory"} in ${packageName}${state ? ` (${state})` : ""}`,
        500,
      ),
      ...detail(readText(advisory?.summary)),
      observedAt,
      links,
      attributes: compactAttributes({
        ...common,
        state,
        cve,
        ghsa,
        package: packageName,
        ecosystem: readText(pkg?.ecosystem),
        manifestPath: readText(dependency?.manifest_path),
        vulnerableRange: readText(vulnerability?.vulnerable_version_range),
        patchedVersion: readText(asRecord(vulnerability?.first_patched_version)?.identifier),
      }),
    };
  }

  const revision = readText(body.commit_oid) ?? readText(asRecord(alert.most_recent_instance)?.commit_sha);
  const subject: NormalizedFinding["subject"] = revision
    ? { kind: "repository", name: repository, revision }
    : { kind: "repository", name: repository };

  if (context.event === "secret_scanning_alert") {
    const resolution = readText(alert.resolution);
    const resolved = resolution !== null || context.action === "resolved" || context.action === "revoked";
    const revoked = resolution === "revoked" || context.action === "revoked";
    const secretType = readText(alert.secret_type_display_name) ?? readText(alert.secret_type) ?? "secret";
    return {
      key,
      subject,
      check: "code-scan",
      outcome: revoked ? "pass" : resolved ? "info" : "fail",
      severity: null,
      title: truncateText(
        `Secret scanning alert #${number ?? "?"} in ${repository}: ${secretType}${resolution ? ` (resolved: ${resolution})` : ""}`,
        500,
      ),
      observedAt: toIsoTime(alert.resolved_at) ?? observedAt,
      links,
      attributes: compactAttributes({
        ...common,
        secretType: readText(alert.secret_type),
        resolution,
        validity: readText(alert.validity),
        pushProtectionBypassed:
          typeof alert.push_protection_bypassed === "boolean" ? alert.push_protection_bypassed : null,
      }),
    };
  }

  const rule = asRecord(alert.rule);
  const tool = asRecord(alert.tool);
  const instance = asRecord(alert.most_recent_instance);
  const state = readText(alert.state);
  const level = readText(rule?.security_severity_level) ?? readText(rule?.severity);
  const fixed = state === "fixed" || context.action === "fixed";
  const ruleId = readText(rule?.id) ?? readText(rule?.name) ?? "(unknown rule)";
  return {
    key,
    subject,
    check: "code-scan",
    outcome: fixed ? "pass" : state === "open" || state === null ? "fail" : "info",
    severity: readSeverity(level, CODE_SCANNING_LEVELS),
    title: truncateText(
      `Code scanning alert #${number ?? "?"} in ${repository}: ${readText(rule?.description) ?? ruleId}${state ? ` (${state})` : ""}`,
      500,
    ),
    ...detail(readText(asRecord(instance?.message)?.text)),
    observedAt: toIsoTime(alert.fixed_at) ?? toIsoTime(alert.dismissed_at) ?? observedAt,
    links,
    attributes: compactAttributes({
      ...common,
      state,
      ruleId,
      tool: readText(tool?.name),
      toolVersion: readText(tool?.version),
      ref: readText(body.ref) ?? readText(instance?.ref),
      path: readText(asRecord(instance?.location)?.path),
    }),
  };
}

function detail(value: string | null): { detail?: string } {
  return value ? { detail: truncateText(value, 500) } : {};
}
