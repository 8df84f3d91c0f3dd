import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { gitlabAdapter } from "./gitlab.ts";
import { readFixture } from "./shared/read-fixture.ts";

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown, event?: string) =>
  gitlabAdapter.parse(encode(value), new Headers(event ? { "X-Gitlab-Event": event } : {}));
const fixture = (name: string) => JSON.parse(readFixture(name, "utf8")) as Record<string, unknown>;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

function pipeline(overrides: Record<string, unknown>): Record<string, unknown> {
  const body = fixture("gitlab-pipeline_hook.json");
  return { ...body, object_attributes: { ...(body.object_attributes as object), ...overrides } };
}

function vulnerability(overrides: Record<string, unknown>): Record<string, unknown> {
  const body = fixture("gitlab-vulnerability_hook.json");
  return { ...body, object_attributes: { ...(body.object_attributes as object), ...overrides } };
}

describe("gitlabAdapter", () => {
  it("declares its kind", () => {
    expect(gitlabAdapter.kind).toBe("gitlab");
    expect(gitlabAdapter.contentTypes[0]).toBe("application/json");
  });

  it("reads the pipeline hook as a pipeline run on the commit, naming failed jobs", () => {
    const result = gitlabAdapter.parse(
      readFixture("gitlab-pipeline_hook.json"),
      new Headers({ "X-Gitlab-Event": "Pipeline Hook", "X-Gitlab-Event-UUID": "u-1" }),
    );
    expect(result).toEqual({
      eventType: "pipeline",
      deliveryId: null,
      effectiveAt: "2016-08-12T15:26:29.000Z",
      findings: [
        {
          key: "pipeline/1/31/success",
          subject: {
            kind: "repository",
            name: "gitlab-org/gitlab-test",
            revision: "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
          },
          check: "pipeline-run",
          outcome: "pass",
          severity: null,
          title: "GitLab pipeline #31 on gitlab-org/gitlab-test (master): success",
          detail: "Failed jobs: test-build (script_failure)",
          observedAt: "2016-08-12T15:26:29.000Z",
          links: ["http://example.com/gitlab-org/gitlab-test/-/pipelines/31"],
          attributes: {
            eventType: "pipeline",
            objectKind: "pipeline",
            project: "gitlab-org/gitlab-test",
            projectId: 1,
            pipelineId: 31,
            pipelineIid: 3,
            status: "success",
            ref: "master",
            tag: false,
            source: "merge_request_event",
            duration: 63,
            jobs: 2,
            failedJobs: 1,
            user: "root",
          },
        },
      ],
    });
    expect(JSON.stringify(result)).not.toContain("NESTOR_PROD_ENVIRONMENT");
  });

  it("fails a failed pipeline and keeps other statuses as info", () => {
    expect(parse(pipeline({ status: "failed" })).findings[0]).toMatchObject({
      outcome: "fail",
      key: "pipeline/1/31/failed",
    });
    expect(parse(pipeline({ status: "canceled" })).findings[0]?.outcome).toBe("info");
    expect(parse(pipeline({ status: "running", finished_at: null })).findings[0]).toMatchObject({
      outcome: "info",
      observedAt: "2016-08-12T15:23:28.000Z",
    });
  });

  it("reads the vulnerability hook as a failing, high-severity vulnerability in the package", () => {
    const result = gitlabAdapter.parse(
      readFixture("gitlab-vulnerability_hook.json"),
      new Headers({ "X-Gitlab-Event": "Vulnerability Hook" }),
    );
    expect(result).toMatchObject({
      eventType: "vulnerability",
      deliveryId: null,
      effectiveAt: "2025-01-08T00:46:14.413Z",
    });
    expect(result.findings).toEqual([
      {
        key: "vulnerability/50/https://example.com/flightjs/Flight/-/security/vulnerabilities/1/confirmed",
        subject: { kind: "package", name: "rexml", version: "3.3.1" },
        check: "vulnerability",
        outcome: "fail",
        severity: "high",
        title: "GitLab vulnerability: REXML DoS vulnerability in rexml 3.3.1 (confirmed)",
        observedAt: "2025-01-08T00:46:14.413Z",
        links: [
          "https://example.com/flightjs/Flight/-/security/vulnerabilities/1",
          "https://gitlab.com/gitlab-org/security-products/gemnasium-db/-/blob/master/gem/rexml/CVE-2024-41123.yml",
          "https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2024-41123",
        ],
        attributes: {
          eventType: "vulnerability",
          objectKind: "vulnerability",
          projectId: 50,
          state: "confirmed",
          reportType: "dependency_scanning",
          cve: "CVE-2024-41123",
          identifier: "Gemnasium-29dce398-220a-4315-8c84-16cd8b6d9b05",
          package: "rexml",
          packageVersion: "3.3.1",
          file: "Gemfile.lock",
          confidence: "unknown",
          severityOverridden: false,
        },
      },
    ]);
  });

  it("passes resolved vulnerabilities, keeps dismissed ones as info, and reads SAST as a code scan", () => {
    expect(parse(vulnerability({ state: "resolved" })).findings[0]?.outcome).toBe("pass");
    expect(parse(vulnerability({ state: "dismissed" })).findings[0]?.outcome).toBe("info");
    expect(parse(vulnerability({ state: "detected", severity: "unknown" })).findings[0]).toMatchObject({
      outcome: "fail",
      severity: null,
    });
    const sast = parse(
      vulnerability({ report_type: "sast", location: { file: "app/models/user.rb", start_line: 3 }, identifiers: [] }),
    );
    expect(sast.findings[0]).toMatchObject({
      subject: { kind: "other", name: "app/models/user.rb" },
      check: "code-scan",
      outcome: "fail",
      links: ["https://example.com/flightjs/Flight/-/security/vulnerabilities/1"],
    });
    expect(sast.findings[0]?.attributes).not.toHaveProperty("cve");
    const container = parse(
      vulnerability({ report_type: "container_scanning", location: { image: "registry.example/app:1.2" } }),
    );
    expect(container.findings[0]?.subject).toEqual({ kind: "container-image", name: "registry.example/app:1.2" });
  });

  it("keeps other object kinds as info events", () => {
    const result = parse(
      {
        object_kind: "merge_request",
        user: { username: "root" },
        project: { id: 1, path_with_namespace: "gitlab-org/gitlab-test" },
        object_attributes: {
          id: 99,
          action: "merge",
          url: "https://gitlab.example/mr/1",
          updated_at: "2024-01-01 10:00:00 UTC",
        },
        unknown_field: [1],
      },
      "Merge Request Hook",
    );
    expect(result).toMatchObject({ eventType: "merge_request", effectiveAt: "2024-01-01T10:00:00.000Z" });
    expect(result.findings).toEqual([
      {
        key: "merge_request/gitlab-org/gitlab-test/99",
        subject: { kind: "repository", name: "gitlab-org/gitlab-test" },
        check: "event",
        outcome: "info",
        severity: null,
        title: "GitLab event merge_request on gitlab-org/gitlab-test",
        observedAt: "2024-01-01T10:00:00.000Z",
        links: ["https://gitlab.example/mr/1"],
        attributes: {
          eventType: "merge_request",
          objectKind: "merge_request",
          header: "Merge Request Hook",
          project: "gitlab-org/gitlab-test",
          projectId: 1,
          action: "merge",
          user: "root",
        },
      },
    ]);
  });

  it("falls back to the X-Gitlab-Event header and system hooks' event_name", () => {
    expect(parse({ project: { path_with_namespace: "a/b" } }, "Pipeline Hook").findings[0]).toMatchObject({
      check: "pipeline-run",
      outcome: "info",
      subject: { kind: "repository", name: "a/b" },
    });
    expect(parse({ event_name: "project_create", path_with_namespace: "a/c" }).eventType).toBe("project_create");
    expect(parse({ ref: "refs/heads/main" }, "Push Hook").eventType).toBe("push");
  });

  it("reads GitLab's zoned time format", () => {
    const result = parse(pipeline({ finished_at: "2016-08-12 17:26:29 +0200" }));
    expect(result.effectiveAt).toBe("2016-08-12T15:26:29.000Z");
  });

  it("rejects non-JSON with bad_request and foreign JSON with validation_failed", () => {
    expect(thrown(() => gitlabAdapter.parse(encode("hello"), new Headers())).code).toBe("bad_request");
    const foreign = thrown(() => parse({ hello: 1 }));
    expect(foreign.code).toBe("validation_failed");
    expect(foreign.issues.map((i) => i.field)).toEqual(["object_kind"]);
    expect(thrown(() => parse([], "Pipeline Hook")).code).toBe("validation_failed");
  });
});
