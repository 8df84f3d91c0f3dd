import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { sarifAdapter } from "./sarif.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const at = (uri: string, startLine?: number) => ({
  physicalLocation: { artifactLocation: { uri }, ...(startLine ? { region: { startLine } } : {}) },
});

const codeqlRun = (results: unknown[] | undefined, extra: Record<string, unknown> = {}) => ({
  tool: {
    driver: {
      name: "CodeQL",
      semanticVersion: "2.20.0",
      rules: [
        {
          id: "js/sql-injection",
          defaultConfiguration: { level: "error" },
          helpUri: "https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/",
          properties: { "security-severity": "8.8", tags: ["security", "external/cwe/cwe-089"] },
        },
        { id: "js/unused-local-variable", defaultConfiguration: { level: "note" }, properties: { tags: [] } },
      ],
    },
  },
  results,
  versionControlProvenance: [
    { repositoryUri: "https://github.com/acme/shop.git", revisionId: "0123456789abcdef", branch: "refs/heads/main" },
  ],
  automationDetails: { id: "codeql/analyze/run-42" },
  invocations: [{ executionSuccessful: true, endTimeUtc: "2025-07-01T08:09:10Z" }],
  ...extra,
});

describe("sarifAdapter", () => {
  it("reads the shared Semgrep fixture: one code-scan fail per result", () => {
    const parsed = sarifAdapter.parse(readFixture("semgrep.sarif"), headers);
    expect(parsed.eventType).toBe("sarif");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "rule=dockerfile.security.missing-user.missing-user/Dockerfile:39",
      subject: { kind: "other", name: "Dockerfile" },
      check: "code-scan",
      outcome: "fail",
      severity: "high",
      title: "Semgrep OSS: dockerfile.security.missing-user.missing-user at Dockerfile:39",
      observedAt: null,
      links: ["https://semgrep.dev/r/dockerfile.security.missing-user.missing-user"],
      attributes: {
        tool: "Semgrep OSS",
        ruleId: "dockerfile.security.missing-user.missing-user",
        location: "Dockerfile:39",
        level: "error",
        kind: "fail",
      },
    });
    expect(parsed.findings[0]?.detail).toMatch(/^By not specifying a USER/);
  });

  it("reads the shared Trivy fixture: CVE rules are vulnerabilities, severity from Trivy's rule tags", () => {
    const parsed = sarifAdapter.parse(readFixture("trivy.sarif"), headers);
    expect(parsed.eventType).toBe("sarif");
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome, f.severity, f.attributes.cve])).toEqual([
      [
        "rule=CVE-2019-1549/testdata/fixtures/images/alpine-310.tar.gz:1",
        "vulnerability",
        "fail",
        "medium",
        "CVE-2019-1549",
      ],
      [
        "rule=CVE-2019-1547/testdata/fixtures/images/alpine-310.tar.gz:1",
        "vulnerability",
        "fail",
        "low",
        "CVE-2019-1547",
      ],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "other", name: "testdata/fixtures/images/alpine-310.tar.gz" },
      title: "Trivy: CVE-2019-1549 at testdata/fixtures/images/alpine-310.tar.gz:1",
      links: ["https://avd.aquasec.com/nvd/cve-2019-1549"],
      attributes: { tool: "Trivy", level: "warning" },
    });
  });

  it("maps kinds, suppressions and security-severity, and names the repository at its commit", () => {
    const parsed = sarifAdapter.parse(
      json({
        version: "2.1.0",
        runs: [
          codeqlRun([
            {
              ruleId: "js/sql-injection",
              ruleIndex: 0,
              message: { text: "query built from user input" },
              locations: [at("src/db.js", 12)],
            },
            { ruleId: "js/unused-local-variable", ruleIndex: 1, locations: [at("src/a.js", 3)] },
            { ruleId: "js/sql-injection", ruleIndex: 0, kind: "pass", locations: [at("src/b.js", 1)] },
            { ruleId: "js/sql-injection", kind: "open", locations: [at("src/c.js", 1)] },
            { ruleId: "js/sql-injection", kind: "notApplicable", locations: [at("src/d.js", 1)] },
            { ruleId: "js/sql-injection", suppressions: [{ kind: "inSource" }], locations: [at("src/e.js", 5)] },
            {
              ruleId: "js/sql-injection",
              suppressions: [{ kind: "external", status: "rejected" }],
              locations: [at("src/f.js")],
            },
            { ruleId: "js/sql-injection", baselineState: "absent", locations: [at("src/g.js", 9)] },
            { ruleId: "js/sql-injection", properties: { "security-severity": 9.8 }, level: "warning" },
          ]),
        ],
      }),
      headers,
    );
    expect(parsed.deliveryId).toBe("codeql/analyze/run-42");
    expect(parsed.effectiveAt).toBe("2025-07-01T08:09:10.000Z");
    expect(parsed.findings.map((f) => [f.attributes.location, f.outcome, f.severity])).toEqual([
      ["src/db.js:12", "fail", "high"],
      ["src/a.js:3", "fail", "low"],
      ["src/b.js:1", "pass", null],
      ["src/c.js:1", "error", null],
      ["src/d.js:1", "info", null],
      ["src/e.js:5", "info", null],
      ["src/f.js", "fail", "high"],
      ["src/g.js:9", "info", null],
      [null, "fail", "critical"],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      key: "rule=js/sql-injection/src/db.js:12",
      subject: { kind: "repository", name: "acme/shop", revision: "0123456789abcdef" },
      check: "code-scan",
      detail: "query built from user input",
      links: ["https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/"],
    });
    expect(parsed.findings[5]?.title).toBe("CodeQL: js/sql-injection at src/e.js:5 (suppressed)");
    expect(parsed.findings[8]?.key).toBe("rule=js/sql-injection/8");
  });

  it("gives one pass per run with an empty results array, and an error for a failed invocation", () => {
    const parsed = sarifAdapter.parse(
      json({
        version: "2.1.0",
        runs: [
          codeqlRun([]),
          {
            tool: { driver: { name: "Grype", version: "0.80.0" } },
            results: [],
            properties: { imageName: "alpine:3.19" },
          },
          codeqlRun(undefined, { invocations: [{ executionSuccessful: false }] }),
          { tool: { driver: { name: "NoResultsArray" } } },
        ],
      }),
      headers,
    );
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome])).toEqual([
      ["run=0/clean=CodeQL", "code-scan", "pass"],
      ["run=1/clean=Grype", "vulnerability", "pass"],
      ["run=2/invocation-failed", "code-scan", "error"],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "repository", name: "acme/shop", revision: "0123456789abcdef" },
      title: "CodeQL reported no results",
      attributes: { tool: "CodeQL", toolVersion: "2.20.0" },
    });
    expect(parsed.findings[1]?.subject).toEqual({ kind: "container-image", name: "alpine:3.19" });
  });

  it("reads image runs with digests, extension rules and grype-style rule ids", () => {
    const digest = "sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1";
    const parsed = sarifAdapter.parse(
      json([
        {
          version: "2.1.0",
          runs: [
            {
              tool: {
                driver: { name: "Trivy", rules: [] },
                extensions: [{ name: "pack", rules: [{ id: "GHSA-aaaa-bbbb-cccc", properties: { tags: ["HIGH"] } }] }],
              },
              properties: { imageName: "ghcr.io/acme/api:2", repoDigests: [`ghcr.io/acme/api@${digest}`] },
              results: [
                {
                  ruleId: "GHSA-aaaa-bbbb-cccc",
                  rule: { id: "GHSA-aaaa-bbbb-cccc", index: 0, toolComponent: { index: 0 } },
                  locations: [at("usr/lib/node_modules/x/package.json")],
                  unknownField: { nested: true },
                },
                { ruleId: "CVE-2024-1234-openssl", level: "error" },
              ],
            },
          ],
        },
      ]),
      headers,
    );
    expect(parsed.findings.map((f) => [f.check, f.severity, f.attributes.cve])).toEqual([
      ["vulnerability", "high", "GHSA-AAAA-BBBB-CCCC"],
      ["vulnerability", "high", "CVE-2024-1234"],
    ]);
    expect(parsed.findings[0]?.subject).toEqual({ kind: "container-image", name: "ghcr.io/acme/api:2", digest });
  });

  it("rejects what is not a SARIF 2 log", () => {
    expect(errorOf(() => sarifAdapter.parse(bytes("<?xml version='1.0'?>"), headers)).code).toBe("bad_request");
    expect(errorOf(() => sarifAdapter.parse(json({ hello: 1 }), headers)).code).toBe("validation_failed");
    expect(errorOf(() => sarifAdapter.parse(json([]), headers)).code).toBe("validation_failed");
    const v1 = errorOf(() => sarifAdapter.parse(json({ version: "1.0.0", runLogs: [], runs: [] }), headers));
    expect(v1.code).toBe("validation_failed");
    expect(v1.message).toContain("only SARIF 2.x");
    const noTool = errorOf(() => sarifAdapter.parse(json({ version: "2.1.0", runs: [{ results: [] }] }), headers));
    expect(noTool.code).toBe("validation_failed");
    expect(noTool.message).toContain("runs.0.tool");
  });
});
