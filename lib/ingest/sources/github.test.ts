import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { githubAdapter } from "./github.ts";
import { readFixture } from "./shared/read-fixture.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown, event?: string) =>
  githubAdapter.parse(encode(value), new Headers(event ? { "X-GitHub-Event": event } : {}));
const FIXTURE = "github-workflow_run.completed.json";
const fixture = () => JSON.parse(readFixture(FIXTURE, "utf8")) as Record<string, unknown>;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

function run(overrides: Record<string, unknown>, action = "completed"): Record<string, unknown> {
  const body = fixture();
  return { ...body, action, workflow_run: { ...(body.workflow_run as object), ...overrides } };
}

const repository = { full_name: "octo-org/octo-repo", name: "octo-repo" };

describe("githubAdapter", () => {
  it("declares its kind", () => {
    expect(githubAdapter.kind).toBe("github");
    expect(githubAdapter.contentTypes[0]).toBe("application/json");
  });

  it("reads a successful workflow_run as a passing pipeline run on the head commit", () => {
    const result = githubAdapter.parse(
      readFixture(FIXTURE),
      new Headers({ "X-GitHub-Event": "workflow_run", "X-GitHub-Delivery": "72d3162e" }),
    );
    expect(result).toEqual({
      eventType: "workflow_run.completed",
      deliveryId: null,
      effectiveAt: "2020-10-05T16:33:49.000Z",
      findings: [
        {
          key: "workflow_run/289782451/attempt=1/success",
          subject: {
            kind: "repository",
            name: "octo-org/octo-repo",
            revision: "3484a3fb816e0859fd6e1cea078d76385ff50625",
          },
          check: "pipeline-run",
          outcome: "pass",
          severity: null,
          title: 'GitHub Actions workflow "test" run #163 on octo-org/octo-repo: success',
          observedAt: "2020-10-05T16:33:49.000Z",
          links: ["https://github.com/octo-org/octo-repo/actions/runs/289782451"],
          attributes: {
            eventType: "workflow_run.completed",
            event: "workflow_run",
            action: "completed",
            repository: "octo-org/octo-repo",
            workflow: "test",
            workflowPath: ".github/workflows/test.yml",
            runId: 289782451,
            runNumber: 163,
            status: "completed",
            conclusion: "success",
            branch: "master",
            trigger: "repository_dispatch",
            actor: "Codertocat",
          },
        },
      ],
    });
  });

  it("infers workflow_run from the body when the header is missing", () => {
    const result = githubAdapter.parse(readFixture(FIXTURE), new Headers());
    expect(result.eventType).toBe("workflow_run.completed");
    expect(result.findings[0]?.check).toBe("pipeline-run");
  });

  it("maps conclusions: failures fail, cancelled/skipped/neutral and unfinished runs are info", () => {
    const outcome = (overrides: Record<string, unknown>, action?: string) =>
      parse(run(overrides, action), "workflow_run").findings[0]?.outcome;
    expect(outcome({ conclusion: "failure" })).toBe("fail");
    expect(outcome({ conclusion: "timed_out" })).toBe("fail");
    expect(outcome({ conclusion: "startup_failure" })).toBe("fail");
    expect(outcome({ conclusion: "cancelled" })).toBe("info");
    expect(outcome({ conclusion: "skipped" })).toBe("info");
    expect(outcome({ conclusion: "neutral" })).toBe("info");
    expect(outcome({ status: "in_progress", conclusion: null }, "in_progress")).toBe("info");
    const requested = parse(run({ status: "queued", conclusion: null, run_attempt: 2 }, "requested"), "workflow_run");
    expect(requested.eventType).toBe("workflow_run.requested");
    expect(requested.findings[0]).toMatchObject({
      key: "workflow_run/289782451/attempt=2/queued",
      outcome: "info",
      title: 'GitHub Actions workflow "test" run #163 on octo-org/octo-repo: queued',
      observedAt: "2020-10-05T16:33:24.000Z",
    });
  });

  it("reads ping and other events as info events", () => {
    const ping = parse({
      zen: "Keep it logically awesome.",
      hook_id: 42,
      hook: { created_at: "2024-01-01T00:00:00Z" },
    });
    expect(ping).toMatchObject({ eventType: "ping", effectiveAt: "2024-01-01T00:00:00.000Z" });
    expect(ping.findings).toEqual([
      {
        key: "ping/42",
        subject: { kind: "other", name: "github ping" },
        check: "event",
        outcome: "info",
        severity: null,
        title: 'GitHub webhook ping: "Keep it logically awesome."',
        observedAt: "2024-01-01T00:00:00.000Z",
        links: [],
        attributes: { eventType: "ping", event: "ping", hookId: 42 },
      },
    ]);
    const issue = parse({ action: "opened", issue: { number: 1 }, repository, sender: { login: "a" } }, "issues");
    expect(issue.eventType).toBe("issues.opened");
    expect(issue.findings[0]).toMatchObject({
      key: "issues.opened/octo-org/octo-repo",
      subject: { kind: "repository", name: "octo-org/octo-repo" },
      check: "event",
      outcome: "info",
      title: "GitHub event issues.opened on octo-org/octo-repo",
      attributes: { event: "issues", action: "opened", actor: "a" },
    });
    const unknown = parse({ repository, brand_new: true });
    expect(unknown.eventType).toBe("unknown");
    expect(unknown.findings[0]?.check).toBe("event");
  });

  it("reads dependabot alerts as vulnerabilities", () => {
    const alert = (state: string, action: string) => ({
      action,
      repository,
      alert: {
        number: 2,
        state,
        html_url: "https://github.com/octo-org/octo-repo/security/dependabot/2",
        updated_at: "2024-02-01T00:00:00Z",
        dependency: { package: { ecosystem: "pip", name: "torch" }, manifest_path: "requirements.txt" },
        security_advisory: { ghsa_id: "GHSA-aaaa", cve_id: "CVE-2024-1", severity: "critical", summary: "RCE" },
        security_vulnerability: {
          severity: "critical",
          vulnerable_version_range: "< 2.2",
          first_patched_version: { identifier: "2.2" },
        },
      },
    });
    const open = parse(alert("open", "created"));
    expect(open.eventType).toBe("dependabot_alert.created");
    expect(open.findings[0]).toEqual({
      key: "dependabot_alert/octo-org/octo-repo/2/created",
      subject: { kind: "package", name: "torch" },
      check: "vulnerability",
      outcome: "fail",
      severity: "critical",
      title: "Dependabot alert #2 in octo-org/octo-repo: CVE-2024-1 in torch (open)",
      detail: "RCE",
      observedAt: "2024-02-01T00:00:00.000Z",
      links: ["https://github.com/octo-org/octo-repo/security/dependabot/2"],
      attributes: {
        eventType: "dependabot_alert.created",
        action: "created",
        repository: "octo-org/octo-repo",
        alertNumber: 2,
        state: "open",
        cve: "CVE-2024-1",
        ghsa: "GHSA-aaaa",
        package: "torch",
        ecosystem: "pip",
        manifestPath: "requirements.txt",
        vulnerableRange: "< 2.2",
        patchedVersion: "2.2",
      },
    });
    expect(parse(alert("fixed", "fixed"), "dependabot_alert").findings[0]?.outcome).toBe("pass");
    expect(parse(alert("dismissed", "dismissed"), "dependabot_alert").findings[0]?.outcome).toBe("info");
  });

  it("reads code scanning and secret scanning alerts as code scans, never copying a secret", () => {
    const code = parse(
      {
        action: "created",
        ref: "refs/heads/main",
        commit_oid: "abc",
        repository,
        alert: {
          number: 7,
          state: "open",
          html_url: "https://github.com/octo-org/octo-repo/security/code-scanning/7",
          rule: { id: "py/sql-injection", severity: "error", security_severity_level: "high", description: "SQLi" },
          tool: { name: "CodeQL", version: "2.15" },
          most_recent_instance: { location: { path: "app.py" }, message: { text: "Query built from input" } },
        },
      },
      "code_scanning_alert",
    );
    expect(code.findings[0]).toMatchObject({
      key: "code_scanning_alert/octo-org/octo-repo/7/created",
      subject: { kind: "repository", name: "octo-org/octo-repo", revision: "abc" },
      check: "code-scan",
      outcome: "fail",
      severity: "high",
      title: "Code scanning alert #7 in octo-org/octo-repo: SQLi (open)",
      detail: "Query built from input",
      attributes: { ruleId: "py/sql-injection", tool: "CodeQL", ref: "refs/heads/main", path: "app.py" },
    });
    const secret = parse({
      action: "created",
      repository,
      alert: { number: 3, secret_type: "aws_access_key_id", secret: "AKIAEXAMPLESECRET", resolution: null },
    });
    expect(secret.eventType).toBe("secret_scanning_alert.created");
    expect(secret.findings[0]).toMatchObject({
      check: "code-scan",
      outcome: "fail",
      attributes: { secretType: "aws_access_key_id" },
    });
    expect(JSON.stringify(secret)).not.toContain("AKIAEXAMPLESECRET");
    const revoked = parse({
      action: "resolved",
      repository,
      alert: { number: 3, secret_type: "x", resolution: "revoked" },
    });
    expect(revoked.findings[0]?.outcome).toBe("pass");
    const falsePositive = parse(
      { action: "resolved", repository, alert: { number: 3, secret_type: "x", resolution: "false_positive" } },
      "secret_scanning_alert",
    );
    expect(falsePositive.findings[0]?.outcome).toBe("info");
  });

  it("reads the form-encoded content type", () => {
    const body = `payload=${encodeURIComponent(JSON.stringify({ zen: "z", hook_id: 1 }))}`;
    const result = githubAdapter.parse(encode(body), new Headers({ "X-GitHub-Event": "ping" }));
    expect(result.eventType).toBe("ping");
  });

  it("tolerates missing optional fields on workflow_run", () => {
    const result = parse(
      { action: "completed", workflow_run: { conclusion: "failure", status: "completed" } },
      "workflow_run",
    );
    expect(result.findings[0]).toMatchObject({
      key: "workflow_run/(unknown repository)/workflow/?/attempt=1/failure",
      subject: { kind: "repository", name: "(unknown repository)" },
      outcome: "fail",
      links: [],
      observedAt: null,
    });
    expect(result.effectiveAt).toBeNull();
  });

  it("rejects non-JSON with bad_request and foreign JSON with validation_failed", () => {
    expect(thrown(() => githubAdapter.parse(encode("hello"), new Headers())).code).toBe("bad_request");
    expect(thrown(() => githubAdapter.parse(encode(""), new Headers())).code).toBe("bad_request");
    expect(thrown(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(thrown(() => parse([], "push")).code).toBe("validation_failed");
    expect(thrown(() => parse("string", "push")).code).toBe("bad_request");
    expect(thrown(() => parse('"string"', "push")).code).toBe("validation_failed");
  });
});
