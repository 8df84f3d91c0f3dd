import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";

/**
 * GitLab project/group webhooks (payloads as in gitlabhq `doc/user/project/integrations/webhook_events.md`;
 * vulnerability events need GitLab 17.7+). The event is the body's `object_kind` (system hooks use
 * `event_name`), else the `X-Gitlab-Event` header (`Pipeline Hook` -> `pipeline`). The delivery id is the
 * `X-Gitlab-Event-UUID` header (read by the verifier); the body has none, so `deliveryId` is null.
 * GitLab writes times as `2016-08-12 15:23:28 UTC` as well as ISO 8601; both are read.
 *
 * - `pipeline` -> `pipeline-run` about the project at the pipeline's commit: `success` passes, `failed`
 *   fails, everything else (`canceled`, `skipped`, `running`, `pending`, `manual`…) is info. The failed jobs
 *   (not allowed to fail) are counted in `failedJobs` and named in the detail.
 * - `vulnerability` -> `vulnerability` (dependency and container scanning, DAST, fuzzing) or `code-scan`
 *   (`sast`, `secret_detection`), with GitLab's severity: state `detected`/`confirmed` fails (an open
 *   gap), `resolved` passes (the gap was closed), `dismissed` is info (a person accepted or rejected it,
 *   which proves nothing by itself).
 * - every other kind (`push`, `merge_request`, `build`, `deployment`…) -> one `event`/info finding.
 * Attributes: `eventType`, `objectKind`, `project`, `projectId`, `pipelineId`, `status`, `ref`, `source`,
 * `duration`, `failedJobs`, `jobs`, `user`; for vulnerabilities `state`, `reportType`, `cve`, `identifier`,
 * `package`, `packageVersion`, `file`, `image`, `confidence`; for other events `action`.
 */

const PIPELINE_FAILED = "failed";
const CODE_SCAN_REPORTS = new Set(["sast", "secret_detection"]);
const SEVERITIES = new Set(["critical", "high", "medium", "low", "info"]);

function parse(raw: Uint8Array, headers: Headers): ParsedEvidence {
  const body = parseJsonBytes(raw, "GitLab webhook payload");
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("validation_failed", "This is not a GitLab webhook payload: the body is not a JSON object.");
  }
  const payload = body as Record<string, unknown>;
  const header = headers.get("x-gitlab-event")?.trim() ?? "";
  const fromHeader = header
    ? header
        .replace(/\s*hook$/i, "")
        .trim()
        .toLowerCase()
        .replace(/\s+/g, "_")
    : null;
  const kind = text(payload.object_kind) ?? text(payload.event_name) ?? text(payload.event_type) ?? fromHeader;
  if (!kind) {
    throw new AppError(
      "validation_failed",
      "This is not a GitLab webhook payload: object_kind: required (or event_name, or an X-Gitlab-Event header).",
      [{ field: "object_kind", message: "required" }],
    );
  }
  const attributes = record(payload.object_attributes) ?? {};
  const finding =
    kind === "pipeline"
      ? pipelineFinding(payload, attributes)
      : kind === "vulnerability"
        ? vulnerabilityFinding(attributes)
        : eventFinding(payload, attributes, kind, header);
  return { eventType: kind, deliveryId: null, effectiveAt: finding.observedAt, findings: [finding] };
}

function pipelineFinding(body: Record<string, unknown>, pipeline: Record<string, unknown>): NormalizedFinding {
  const project = record(body.project);
  const path = text(project?.path_with_namespace) ?? text(project?.name) ?? "(unknown project)";
  const status = text(pipeline.status);
  const sha = text(pipeline.sha) ?? text(record(body.commit)?.id);
  const id = text(pipeline.id);
  const ref = text(pipeline.ref);
  const builds = Array.isArray(body.builds) ? body.builds.map(record).filter((b) => b !== null) : [];
  const failed = builds.filter((b) => b.status === PIPELINE_FAILED && b.allow_failure !== true);
  const outcome = status === "success" ? "pass" : status === PIPELINE_FAILED ? "fail" : "info";
  const finding: NormalizedFinding = {
    key: `pipeline/${text(project?.id) ?? path}/${id ?? sha ?? "?"}/${status ?? ""}`,
    subject: sha ? { kind: "repository", name: path, revision: sha } : { kind: "repository", name: path },
    check: "pipeline-run",
    outcome,
    severity: null,
    title: cut(
      `GitLab pipeline ${id ? `#${id} ` : ""}on ${path}${ref ? ` (${ref})` : ""}: ${status ?? "unknown status"}`,
      500,
    ),
    observedAt: isoTime(pipeline.finished_at) ?? isoTime(pipeline.created_at),
    links: httpLinks([pipeline.url]),
    attributes: compact({
      eventType: "pipeline",
      objectKind: "pipeline",
      project: path,
      projectId: num(project?.id),
      pipelineId: num(pipeline.id),
      pipelineIid: num(pipeline.iid),
      status,
      ref,
      tag: typeof pipeline.tag === "boolean" ? pipeline.tag : null,
      source: text(pipeline.source),
      duration: num(pipeline.duration),
      jobs: builds.length > 0 ? builds.length : null,
      failedJobs: builds.length > 0 ? failed.length : null,
      user: text(record(body.user)?.username),
    }),
  };
  if (failed.length > 0) {
    const names = failed.map(
      (b) => `${text(b.name) ?? "job"}${text(b.failure_reason) ? ` (${text(b.failure_reason)})` : ""}`,
    );
    finding.detail = cut(`Failed jobs: ${names.join(", ")}`, 500);
  }
  return finding;
}

function vulnerabilityFinding(vuln: Record<string, unknown>): NormalizedFinding {
  const state = text(vuln.state)?.toLowerCase() ?? null;
  const reportType = text(vuln.report_type);
  const location = record(vuln.location);
  const dependency = record(location?.dependency);
  const packageName = text(record(dependency?.package)?.name);
  const packageVersion = text(dependency?.version);
  const image = text(location?.image);
  const file = text(location?.file);
  const projectId = num(vuln.project_id);
  const identifiers = Array.isArray(vuln.identifiers) ? vuln.identifiers.map(record).filter((i) => i !== null) : [];
  const cve = identifiers.find((i) => text(i.external_type)?.toLowerCase() === "cve");
  const other = identifiers.find((i) => i !== cve);
  const severity = text(vuln.severity)?.toLowerCase() ?? null;
  const title = text(vuln.title) ?? text(cve?.name) ?? "vulnerability";
  const subject: NormalizedFinding["subject"] = packageName
    ? packageVersion
      ? { kind: "package", name: packageName, version: packageVersion }
      : { kind: "package", name: packageName }
    : image
      ? { kind: "container-image", name: image }
      : { kind: "other", name: file ?? `GitLab project ${projectId ?? "?"}` };
  const outcome = state === "resolved" ? "pass" : state === "dismissed" ? "info" : "fail";
  return {
    key: `vulnerability/${projectId ?? "?"}/${text(vuln.url) ?? `${title}/${file ?? ""}`}/${state ?? ""}`,
    subject,
    check: reportType && CODE_SCAN_REPORTS.has(reportType) ? "code-scan" : "vulnerability",
    outcome,
    severity: severity && SEVERITIES.has(severity) ? (severity as NormalizedFinding["severity"]) : null,
    title: cut(
      `GitLab vulnerability: ${title}${packageName ? ` in ${packageName}${packageVersion ? ` ${packageVersion}` : ""}` : ""}${state ? ` (${state})` : ""}`,
      500,
    ),
    observedAt: isoTime(vuln.updated_at) ?? isoTime(vuln.created_at),
    links: httpLinks([vuln.url, ...identifiers.map((i) => i.url)]).slice(0, 5),
    attributes: compact({
      eventType: "vulnerability",
      objectKind: "vulnerability",
      projectId,
      state,
      reportType,
      cve: text(cve?.external_id) ?? text(cve?.name),
      identifier: text(other?.name),
      package: packageName,
      packageVersion,
      file,
      image,
      confidence: text(vuln.confidence),
      severityOverridden: typeof vuln.severity_overridden === "boolean" ? vuln.severity_overridden : null,
    }),
  };
}

function eventFinding(
  body: Record<string, unknown>,
  attributes: Record<string, unknown>,
  kind: string,
  header: string,
): NormalizedFinding {
  const project = record(body.project);
  const path = text(project?.path_with_namespace) ?? text(body.path_with_namespace) ?? text(body.project_name);
  const anchor = text(attributes.id) ?? text(body.build_id) ?? text(body.checkout_sha) ?? text(body.after);
  return {
    key: `${kind}/${path ?? "gitlab"}${anchor ? `/${anchor}` : ""}`,
    subject: path ? { kind: "repository", name: path } : { kind: "other", name: `GitLab ${kind}` },
    check: "event",
    outcome: "info",
    severity: null,
    title: cut(`GitLab event ${kind}${path ? ` on ${path}` : ""}`, 500),
    observedAt: isoTime(attributes.updated_at) ?? isoTime(attributes.created_at),
    links: httpLinks([attributes.url]),
    attributes: compact({
      eventType: kind,
      objectKind: kind,
      header: header || null,
      project: path,
      projectId: num(project?.id) ?? num(body.project_id),
      action: text(attributes.action) ?? text(body.action),
      ref: text(body.ref),
      user: text(record(body.user)?.username) ?? text(body.user_username),
    }),
  };
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

/** ISO 8601, or GitLab's `YYYY-MM-DD HH:MM:SS UTC` / `… +0200`. */
function isoTime(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const t = value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?(?:UTC|Z)$/, "$1T$2Z")
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?([+-]\d{2}):?(\d{2})$/, "$1T$2$3:$4");
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  const date = new Date(Date.parse(t));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export const gitlabAdapter: SourceAdapter = {
  kind: "gitlab",
  contentTypes: ["application/json"],
  parse,
};
