import { AppError } from "../../errors/app-error.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { asRecord } from "./shared/as-record.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { isRecord } from "./shared/is-record.ts";
import { normalizeHttpLinks } from "./shared/normalize-http-links.ts";
import { readNumber } from "./shared/read-number.ts";
import { readSeverity } from "./shared/read-severity.ts";
import { readText } from "./shared/read-text.ts";
import { toIsoTime } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

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

function parse(raw: Uint8Array, headers: Headers): ParsedEvidence {
  const body = parseJsonBytes(raw, "GitLab webhook payload");
  if (!isRecord(body)) {
    throw new AppError("validation_failed", "This is not a GitLab webhook payload: the body is not a JSON object.");
  }
  const payload = body;
  const header = headers.get("x-gitlab-event")?.trim() ?? "";
  const fromHeader = header
    ? header
        .replace(/\s*hook$/i, "")
        .trim()
        .toLowerCase()
        .replace(/\s+/g, "_")
    : null;
  const kind =
    readText(payload.object_kind) ?? readText(payload.event_name) ?? readText(payload.event_type) ?? fromHeader;
  if (!kind) {
    throw new AppError(
      "validation_failed",
      "This is not a GitLab webhook payload: object_kind: required (or event_name, or an X-Gitlab-Event header).",
      [{ field: "object_kind", message: "required" }],
    );
  }
  const attributes = asRecord(payload.object_attributes) ?? {};
  const finding =
    kind === "pipeline"
      ? pipelineFinding(payload, attributes)
      : kind === "vulnerability"
        ? vulnerabilityFinding(attributes)
        : eventFinding(payload, attributes, kind, header);
  return { eventType: kind, deliveryId: null, effectiveAt: finding.observedAt, findings: [finding] };
}

function pipelineFinding(body: Record<string, unknown>, pipeline: Record<string, unknown>): NormalizedFinding {
  const project = asRecord(body.project);
  const path = readText(project?.path_with_namespace) ?? readText(project?.name) ?? "(unknown project)";
  const status = readText(pipeline.status);
  const sha = readText(pipeline.sha) ?? readText(asRecord(body.commit)?.id);
  const id = readText(pipeline.id);
  const ref = readText(pipeline.ref);
  const builds = Array.isArray(body.builds) ? body.builds.map(asRecord).filter((b) => b !== null) : [];
  const failed = builds.filter((b) => b.status === PIPELINE_FAILED && b.allow_failure !== true);
  const outcome = status === "success" ? "pass" : status === PIPELINE_FAILED ? "fail" : "info";
  const finding: NormalizedFinding = {
    key: `pipeline/${readText(project?.id) ?? path}/${id ?? sha ?? "?"}/${status ?? ""}`,
    subject: sha ? { kind: "repository", name: path, revision: sha } : { kind: "repository", name: path },
    check: "pipeline-run",
    outcome,
    severity: null,
    title: truncateText(
      `GitLab pipeline ${id ? `#${id} ` : ""}on ${path}${ref ? ` (${ref})` : ""}: ${status ?? "unknown status"}`,
      500,
    ),
    observedAt: gitlabTime(pipeline.finished_at) ?? gitlabTime(pipeline.created_at),
    links: normalizeHttpLinks([pipeline.url]),
    attributes: compactAttributes({
      eventType: "pipeline",
      objectKind: "pipeline",
      project: path,
      projectId: readNumber(project?.id),
      pipelineId: readNumber(pipeline.id),
      pipelineIid: readNumber(pipeline.iid),
      status,
      ref,
      tag: typeof pipeline.tag === "boolean" ? pipeline.tag : null,
      source: readText(pipeline.source),
      duration: readNumber(pipeline.duration),
      jobs: builds.length > 0 ? builds.length : null,
      failedJobs: builds.length > 0 ? failed.length : null,
      user: readText(asRecord(body.user)?.username),
    }),
  };
  if (failed.length > 0) {
    const names = failed.map(
      (b) => `${readText(b.name) ?? "job"}${readText(b.failure_reason) ? ` (${readText(b.failure_reason)})` : ""}`,
    );
    finding.detail = truncateText(`Failed jobs: ${names.join(", ")}`, 500);
  }
  return finding;
}

function vulnerabilityFinding(vuln: Record<string, unknown>): NormalizedFinding {
  const state = readText(vuln.state)?.toLowerCase() ?? null;
  const reportType = readText(vuln.report_type);
  const location = asRecord(vuln.location);
  const dependency = asRecord(location?.dependency);
  const packageName = readText(asRecord(dependency?.package)?.name);
  const packageVersion = readText(dependency?.version);
  const image = readText(location?.image);
  const file = readText(location?.file);
  const projectId = readNumber(vuln.project_id);
  const identifiers = Array.isArray(vuln.identifiers) ? vuln.identifiers.map(asRecord).filter((i) => i !== null) : [];
  const cve = identifiers.find((i) => readText(i.external_type)?.toLowerCase() === "cve");
  const other = identifiers.find((i) => i !== cve);
  const title = readText(vuln.title) ?? readText(cve?.name) ?? "vulnerability";
  const subject: NormalizedFinding["subject"] = packageName
    ? packageVersion
      ? { kind: "package", name: packageName, version: packageVersion }
      : { kind: "package", name: packageName }
    : image
      ? { kind: "container-image", name: image }
      : { kind: "other", name: file ?? `GitLab project ${projectId ?? "?"}` };
  const outcome = state === "resolved" ? "pass" : state === "dismissed" ? "info" : "fail";
  return {
    key: `vulnerability/${projectId ?? "?"}/${readText(vuln.url) ?? `${title}/${file ?? ""}`}/${state ?? ""}`,
    subject,
    check: reportType && CODE_SCAN_REPORTS.has(reportType) ? "code-scan" : "vulnerability",
    outcome,
    severity: readSeverity(vuln.severity, { info: "info" }),
    title: truncateText(
      `GitLab vulnerability: ${title}${packageName ? ` in ${packageName}${packageVersion ? ` ${packageVersion}` : ""}` : ""}${state ? ` (${state})` : ""}`,
      500,
    ),
    observedAt: gitlabTime(vuln.updated_at) ?? gitlabTime(vuln.created_at),
    links: normalizeHttpLinks([vuln.url, ...identifiers.map((i) => i.url)]).slice(0, 5),
    attributes: compactAttributes({
      eventType: "vulnerability",
      objectKind: "vulnerability",
      projectId,
      state,
      reportType,
      cve: readText(cve?.external_id) ?? readText(cve?.name),
      identifier: readText(other?.name),
      package: packageName,
      packageVersion,
      file,
      image,
      confidence: readText(vuln.confidence),
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
  const project = asRecord(body.project);
  const path =
    readText(project?.path_with_namespace) ?? readText(body.path_with_namespace) ?? readText(body.project_name);
  const anchor =
    readText(attributes.id) ?? readText(body.build_id) ?? readText(body.checkout_sha) ?? readText(body.after);
  return {
    key: `${kind}/${path ?? "gitlab"}${anchor ? `/${anchor}` : ""}`,
    subject: path ? { kind: "repository", name: path } : { kind: "other", name: `GitLab ${kind}` },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(`GitLab event ${kind}${path ? ` on ${path}` : ""}`, 500),
    observedAt: gitlabTime(attributes.updated_at) ?? gitlabTime(attributes.created_at),
    links: normalizeHttpLinks([attributes.url]),
    attributes: compactAttributes({
      eventType: kind,
      objectKind: kind,
      header: header || null,
      project: path,
      projectId: readNumber(project?.id) ?? readNumber(body.project_id),
      action: readText(attributes.action) ?? readText(body.action),
      ref: readText(body.ref),
      user: readText(asRecord(body.user)?.username) ?? readText(body.user_username),
    }),
  };
}

/** GitLab's `2016-08-12 15:23:28 UTC` and `2016-08-12 15:23:28 +0200` (also without the space), as ISO 8601. */
const GITLAB_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?(?:UTC|Z)$/;
const GITLAB_OFFSET = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?([+-]\d{2}):?(\d{2})$/;

/** ISO 8601, or GitLab's `YYYY-MM-DD HH:MM:SS UTC` / `… +0200`. */
function gitlabTime(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return toIsoTime(value.trim().replace(GITLAB_UTC, "$1T$2Z").replace(GITLAB_OFFSET, "$1T$2$3:$4"));
}

export const gitlabAdapter: SourceAdapter = {
  kind: "gitlab",
  contentTypes: ["application/json"],
  parse,
};
