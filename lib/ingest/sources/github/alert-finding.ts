import type { NormalizedFinding } from "../../source-adapter.ts";

/** What the GitHub adapter already knows about a delivery when it hands an alert event over. */
export interface AlertContext {
  event: "code_scanning_alert" | "dependabot_alert" | "secret_scanning_alert";
  eventType: string;
  action: string | null;
  repository: string | null;
  alert: Record<string, unknown>;
  body: Record<string, unknown>;
}

const CODE_SCANNING_SEVERITY: Record<string, NonNullable<NormalizedFinding["severity"]>> = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
  error: "high",
  warning: "medium",
  note: "low",
  none: "info",
};
const ADVISORY_SEVERITY: Record<string, NonNullable<NormalizedFinding["severity"]>> = {
  critical: "critical",
  high: "high",
  moderate: "medium",
  medium: "medium",
  low: "low",
};

/**
 * One finding for a GitHub security alert webhook (payload fields as in GitHub's webhook reference and
 * the octokit webhook schemas): `code_scanning_alert` -> `code-scan`, `dependabot_alert` ->
 * `vulnerability`, `secret_scanning_alert` -> `code-scan` (a committed secret; the secret itself is never
 * read). Open alerts fail; fixed alerts (and revoked secrets) pass; dismissed or otherwise closed alerts
 * are info (someone accepted the risk, which proves nothing either way).
 */
export function alertFinding(context: AlertContext): NormalizedFinding {
  const { alert, body } = context;
  const number = num(alert.number);
  const repository = context.repository ?? "(unknown repository)";
  const common = {
    eventType: context.eventType,
    action: context.action,
    repository: context.repository,
    alertNumber: number,
  };
  const key = `${context.event}/${repository}/${number ?? text(alert.url) ?? "?"}/${context.action ?? ""}`;
  const links = httpLinks([alert.html_url]);
  const observedAt = isoTime(alert.updated_at) ?? isoTime(alert.created_at);

  if (context.event === "dependabot_alert") {
    const advisory = record(alert.security_advisory);
    const vulnerability = record(alert.security_vulnerability);
    const dependency = record(alert.dependency);
    const pkg = record(dependency?.package) ?? record(vulnerability?.package);
    const packageName = text(pkg?.name) ?? "(unknown package)";
    const state = text(alert.state);
    const cve = text(advisory?.cve_id);
    const ghsa = text(advisory?.ghsa_id);
    const severity = text(advisory?.severity) ?? text(vulnerability?.severity);
    return {
      key,
      subject: { kind: "package", name: packageName },
      check: "vulnerability",
      outcome: state === "fixed" ? "pass" : state === "open" || state === null ? "fail" : "info",
      severity: severity ? (ADVISORY_SEVERITY[severity.toLowerCase()] ?? null) : null,
      title: cut(
        `Dependabot alert #${number ?? "?"} in ${repository}: ${cve ?? ghsa ?? "advisory"} in ${packageName}${state ? ` (${state})` : ""}`,
        500,
      ),
      ...detail(text(advisory?.summary)),
      observedAt,
      links,
      attributes: compact({
        ...common,
        state,
        cve,
        ghsa,
        package: packageName,
        ecosystem: text(pkg?.ecosystem),
        manifestPath: text(dependency?.manifest_path),
        vulnerableRange: text(vulnerability?.vulnerable_version_range),
        patchedVersion: text(record(vulnerability?.first_patched_version)?.identifier),
      }),
    };
  }

  const revision = text(body.commit_oid) ?? text(record(alert.most_recent_instance)?.commit_sha);
  const subject: NormalizedFinding["subject"] = revision
    ? { kind: "repository", name: repository, revision }
    : { kind: "repository", name: repository };

  if (context.event === "secret_scanning_alert") {
    const resolution = text(alert.resolution);
    const resolved = resolution !== null || context.action === "resolved" || context.action === "revoked";
    const revoked = resolution === "revoked" || context.action === "revoked";
    const secretType = text(alert.secret_type_display_name) ?? text(alert.secret_type) ?? "secret";
    return {
      key,
      subject,
      check: "code-scan",
      outcome: revoked ? "pass" : resolved ? "info" : "fail",
      severity: null,
      title: cut(
        `Secret scanning alert #${number ?? "?"} in ${repository}: ${secretType}${resolution ? ` (resolved: ${resolution})` : ""}`,
        500,
      ),
      observedAt: isoTime(alert.resolved_at) ?? observedAt,
      links,
      attributes: compact({
        ...common,
        secretType: text(alert.secret_type),
        resolution,
        validity: text(alert.validity),
        pushProtectionBypassed:
          typeof alert.push_protection_bypassed === "boolean" ? alert.push_protection_bypassed : null,
      }),
    };
  }

  const rule = record(alert.rule);
  const tool = record(alert.tool);
  const instance = record(alert.most_recent_instance);
  const state = text(alert.state);
  const level = text(rule?.security_severity_level) ?? text(rule?.severity);
  const fixed = state === "fixed" || context.action === "fixed";
  const ruleId = text(rule?.id) ?? text(rule?.name) ?? "(unknown rule)";
  return {
    key,
    subject,
    check: "code-scan",
    outcome: fixed ? "pass" : state === "open" || state === null ? "fail" : "info",
    severity: level ? (CODE_SCANNING_SEVERITY[level.toLowerCase()] ?? null) : null,
    title: cut(
      `Code scanning alert #${number ?? "?"} in ${repository}: ${text(rule?.description) ?? ruleId}${state ? ` (${state})` : ""}`,
      500,
    ),
    ...detail(text(record(instance?.message)?.text)),
    observedAt: isoTime(alert.fixed_at) ?? isoTime(alert.dismissed_at) ?? observedAt,
    links,
    attributes: compact({
      ...common,
      state,
      ruleId,
      tool: text(tool?.name),
      toolVersion: text(tool?.version),
      ref: text(body.ref) ?? text(instance?.ref),
      path: text(record(instance?.location)?.path),
    }),
  };
}

function detail(value: string | null): { detail?: string } {
  return value ? { detail: cut(value, 500) } : {};
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function compact(values: Record<string, string | number | boolean | null>): NormalizedFinding["attributes"] {
  const out: NormalizedFinding["attributes"] = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) out[name] = value;
  return out;
}

function httpLinks(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (typeof value !== "string" || value.length > 2000) continue;
    const url = URL.parse(value);
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) continue;
    if (!out.includes(url.href)) out.push(url.href);
  }
  return out;
}

function isoTime(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const date = new Date(Date.parse(value.trim()));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
