import { AppError } from "../../errors/app-error.ts";
import { decodeUtf8 } from "../json/decode-utf8.ts";
import { parseJsonText } from "../json/parse-json-text.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { alertFinding } from "./github/alert-finding.ts";
import { asRecord } from "./shared/as-record.ts";
import { compactAttributes } from "./shared/compact-attributes.ts";
import { normalizeHttpLinks } from "./shared/normalize-http-links.ts";
import { readNumber } from "./shared/read-number.ts";
import { readText } from "./shared/read-text.ts";
import { toIsoTime } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * GitHub repository/organization/App webhooks (JSON content type). The event name comes from the
 * `X-GitHub-Event` header; without it, it is inferred from the body (`workflow_run`, `workflow_job`,
 * `zen`+`hook_id` = `ping`, the alert shapes, `pull_request`, `check_run`…). The delivery id is the
 * `X-GitHub-Delivery` header (read by the verifier); the body has none, so `deliveryId` is null. A hook
 * set to the form content type sends `payload=<url-encoded JSON>`, which is read too. Payload
 * fields were checked against GitHub's "Webhook events and payloads" reference and the octokit/webhooks
 * payload examples (`workflow_run/completed.payload.json`).
 *
 * `eventType` is `<event>.<action>` when the body has an `action` (e.g. `workflow_run.completed`), else
 * the event name (e.g. `ping`, `push`).
 * - `workflow_run` -> `pipeline-run` about the repository at the run's `head_sha`: completed with
 *   `success` passes; `failure`, `timed_out` and `startup_failure` fail; `cancelled`, `skipped`, `neutral`,
 *   `stale`, `action_required` and runs not yet completed (`requested`, `in_progress`) are info.
 * - `code_scanning_alert` / `secret_scanning_alert` -> `code-scan`; `dependabot_alert` -> `vulnerability`
 *   (see `github/alert-finding.ts`: open fails, fixed passes, dismissed is info).
 * - `ping` and every other event -> one `event`/info finding naming it.
 * Attributes: `eventType`, `event`, `action`, `repository`, `workflow`, `workflowPath`, `runId`,
 * `runNumber`, `runAttempt`, `status`, `conclusion`, `branch`, `trigger`, `actor`, plus the alert
 * attributes (`ruleId`, `tool`, `cve`, `ghsa`, `package`, `secretType`, `state`…).
 */

const ALERT_EVENTS = new Set(["code_scanning_alert", "dependabot_alert", "secret_scanning_alert"]);
const FAILED_CONCLUSIONS = new Set(["failure", "timed_out", "startup_failure"]);
/** Top-level keys every GitHub webhook body carries at least one of. */
const GITHUB_KEYS = ["repository", "sender", "organization", "installation", "enterprise", "hook_id"];

function parse(raw: Uint8Array, headers: Headers): ParsedEvidence {
  const body = readBody(raw);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("validation_failed", "This is not a GitHub webhook payload: the body is not a JSON object.");
  }
  const payload = body as Record<string, unknown>;
  const headerEvent = headers.get("x-github-event")?.trim().toLowerCase() || null;
  const event = headerEvent ?? inferEvent(payload);
  if (!event) {
    throw new AppError(
      "validation_failed",
      "This is not a GitHub webhook payload: there is no X-GitHub-Event header and the body has none of the keys GitHub sends (repository, sender, organization, installation, hook_id).",
    );
  }
  const action = readText(payload.action);
  const eventType = action ? `${event}.${action}` : event;
  const repository = readText(asRecord(payload.repository)?.full_name);

  let finding: NormalizedFinding;
  const run = asRecord(payload.workflow_run);
  const alert = asRecord(payload.alert);
  if (event === "workflow_run" && run) finding = workflowRunFinding(payload, run, eventType, action, repository);
  else if (ALERT_EVENTS.has(event) && alert) {
    finding = alertFinding({
      event: event as "code_scanning_alert" | "dependabot_alert" | "secret_scanning_alert",
      eventType,
      action,
      repository,
      alert,
      body: payload,
    });
  } else finding = eventFinding(payload, event, eventType, action, repository);

  return {
    eventType,
    deliveryId: null,
    effectiveAt: finding.observedAt,
    findings: [finding],
  };
}

/** GitHub sends JSON, or `payload=<url-encoded JSON>` when the hook's content type is form-encoded. */
function readBody(raw: Uint8Array): unknown {
  const what = "GitHub webhook payload";
  const body = decodeUtf8(raw, what).trim();
  if (body === "") throw new AppError("bad_request", `The ${what} is empty.`);
  if (!body.startsWith("payload=")) return parseJsonText(body, what);
  const json = new URLSearchParams(body).get("payload");
  if (!json) throw new AppError("bad_request", `The ${what} has an empty form field \`payload\`.`);
  return parseJsonText(json, what);
}

function inferEvent(body: Record<string, unknown>): string | null {
  if (asRecord(body.workflow_run)) return "workflow_run";
  if (asRecord(body.workflow_job)) return "workflow_job";
  if (typeof body.zen === "string" && body.hook_id !== undefined) return "ping";
  const alert = asRecord(body.alert);
  if (alert) {
    if (alert.secret_type !== undefined) return "secret_scanning_alert";
    if (alert.security_advisory !== undefined || alert.dependency !== undefined) return "dependabot_alert";
    if (alert.rule !== undefined || alert.tool !== undefined) return "code_scanning_alert";
  }
  for (const key of ["check_run", "check_suite", "pull_request", "release", "deployment", "deployment_status"]) {
    if (asRecord(body[key])) return key;
  }
  if (typeof body.ref === "string" && Array.isArray(body.commits)) return "push";
  return GITHUB_KEYS.some((key) => body[key] !== undefined) ? "unknown" : null;
}

function workflowRunFinding(
  body: Record<string, unknown>,
  run: Record<string, unknown>,
  eventType: string,
  action: string | null,
  repository: string | null,
): NormalizedFinding {
  const workflow = asRecord(body.workflow);
  const repo = repository ?? readText(asRecord(run.repository)?.full_name) ?? "(unknown repository)";
  const status = readText(run.status);
  const conclusion = readText(run.conclusion);
  const completed = status === "completed" || action === "completed";
  const outcome: NormalizedFinding["outcome"] =
    completed && conclusion === "success"
      ? "pass"
      : completed && conclusion && FAILED_CONCLUSIONS.has(conclusion)
        ? "fail"
        : "info";
  const name = readText(run.name) ?? readText(workflow?.name) ?? readText(run.path) ?? "workflow";
  const runNumber = readNumber(run.run_number);
  const attempt = readNumber(run.run_attempt);
  const headSha = readText(run.head_sha);
  const state = completed ? (conclusion ?? "completed") : (status ?? action ?? "updated");
  return {
    key: `workflow_run/${readText(run.id) ?? `${repo}/${name}/${runNumber ?? "?"}`}/attempt=${attempt ?? 1}/${state}`,
    subject: headSha ? { kind: "repository", name: repo, revision: headSha } : { kind: "repository", name: repo },
    check: "pipeline-run",
    outcome,
    severity: null,
    title: truncateText(
      `GitHub Actions workflow "${name}" run ${runNumber !== null ? `#${runNumber} ` : ""}on ${repo}: ${state}`,
      500,
    ),
    observedAt:
      toIsoTime(completed ? run.updated_at : (run.run_started_at ?? run.created_at)) ?? toIsoTime(run.created_at),
    links: normalizeHttpLinks([run.html_url]),
    attributes: compactAttributes({
      eventType,
      event: "workflow_run",
      action,
      repository: repo,
      workflow: name,
      workflowPath: readText(workflow?.path) ?? readText(run.path),
      runId: readNumber(run.id),
      runNumber,
      runAttempt: attempt,
      status,
      conclusion,
      branch: readText(run.head_branch),
      trigger: readText(run.event),
      actor: readText(asRecord(run.actor)?.login) ?? readText(asRecord(body.sender)?.login),
    }),
  };
}

function eventFinding(
  body: Record<string, unknown>,
  event: string,
  eventType: string,
  action: string | null,
  repository: string | null,
): NormalizedFinding {
  const hook = asRecord(body.hook);
  const organization = readText(asRecord(body.organization)?.login);
  const target = repository ?? organization ?? null;
  const zen = event === "ping" ? readText(body.zen) : null;
  return {
    key: `${eventType}/${target ?? readText(body.hook_id) ?? "github"}`,
    subject: repository
      ? { kind: "repository", name: repository }
      : { kind: "other", name: target ?? `github ${event}` },
    check: "event",
    outcome: "info",
    severity: null,
    title: truncateText(
      event === "ping"
        ? `GitHub webhook ping${target ? ` from ${target}` : ""}${zen ? `: "${zen}"` : ""}`
        : `GitHub event ${eventType}${target ? ` on ${target}` : ""}`,
      500,
    ),
    observedAt: event === "ping" ? toIsoTime(hook?.updated_at ?? hook?.created_at) : null,
    links: [],
    attributes: compactAttributes({
      eventType,
      event,
      action,
      repository,
      organization,
      hookId: readNumber(body.hook_id),
      actor: readText(asRecord(body.sender)?.login),
    }),
  };
}

export const githubAdapter: SourceAdapter = {
  kind: "github",
  contentTypes: ["application/json", "application/x-www-form-urlencoded"],
  parse,
};
