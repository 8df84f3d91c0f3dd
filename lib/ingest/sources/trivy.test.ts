import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { readFixture } from "./shared/read-fixture.ts";
import { trivyAdapter } from "./trivy.ts";

const headers = new Headers();
const fixtureText = readFixture("trivy-image.json", "utf8");
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

const DIGEST = "sha256:1c1f3a4e2b0e9f0d6b1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071";
const image = (results: unknown[], extra: Record<string, unknown> = {}) => ({
  SchemaVersion: 2,
  CreatedAt: "2025-03-04T05:06:07.123456789Z",
  ArtifactName: "ghcr.io/acme/api:1.2.3",
  ArtifactType: "container_image",
  Metadata: {
    ImageID: "sha256:abc",
    RepoDigests: [`ghcr.io/acme/api@${DIGEST}`],
    RepoTags: ["ghcr.io/acme/api:1.2.3"],
  },
  Results: results,
  ...extra,
});

describe("trivyAdapter", () => {
  it("reads the shared image report fixture: one vulnerability fail per vulnerability", () => {
    const parsed = trivyAdapter.parse(bytes(fixtureText), headers);
    expect(parsed.eventType).toBe("trivy.report");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2021-08-25T12:20:30.000Z");
    expect(parsed.findings).toEqual([
      {
        key: "vuln=CVE-2019-1549/libcrypto1.1@1.1.1c-r0/testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)",
        subject: { kind: "container-image", name: "testdata/fixtures/images/alpine-310.tar.gz" },
        check: "vulnerability",
        outcome: "fail",
        severity: "medium",
        title: "CVE-2019-1549 in libcrypto1.1 1.1.1c-r0",
        detail: "openssl: information disclosure in fork()",
        observedAt: "2021-08-25T12:20:30.000Z",
        links: [
          "https://avd.aquasec.com/nvd/cve-2019-1549",
          "https://access.redhat.com/security/cve/CVE-2019-1549",
          "https://www.openssl.org/news/secadv/20190910.txt",
        ],
        attributes: {
          cve: "CVE-2019-1549",
          package: "libcrypto1.1",
          installedVersion: "1.1.1c-r0",
          fixedVersion: "1.1.1d-r0",
          fixAvailable: true,
          target: "testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)",
          cvssScore: 5.3,
        },
      },
    ]);
  });

  it("names the image by its registry digest and gives one pass when nothing was found", () => {
    const parsed = trivyAdapter.parse(
      json(image([{ Target: "ghcr.io/acme/api:1.2.3 (debian 12.5)", Class: "os-pkgs", Type: "debian" }])),
      headers,
    );
    expect(parsed.effectiveAt).toBe("2025-03-04T05:06:07.123Z");
    expect(parsed.findings).toEqual([
      {
        key: "clean=vulnerabilities",
        subject: { kind: "container-image", name: "ghcr.io/acme/api:1.2.3", digest: DIGEST },
        check: "vulnerability",
        outcome: "pass",
        severity: null,
        title: "Trivy found no vulnerabilities in ghcr.io/acme/api:1.2.3",
        observedAt: "2025-03-04T05:06:07.123Z",
        links: [],
        attributes: { targets: 1 },
      },
    ]);
    // a report with no Results at all (a clean image without a detected OS) is clean too
    expect(trivyAdapter.parse(json(image([], { Results: undefined })), headers).findings[0]?.outcome).toBe("pass");
  });

  it("reads misconfigurations and secrets, never copying the secret", () => {
    const parsed = trivyAdapter.parse(
      json({
        SchemaVersion: 2,
        ArtifactName: ".",
        ArtifactType: "filesystem",
        Results: [
          {
            Target: "Dockerfile",
            Class: "config",
            Type: "dockerfile",
            MisconfSummary: { Successes: 20, Failures: 1 },
            Misconfigurations: [
              {
                Type: "Dockerfile Security Check",
                ID: "DS002",
                AVDID: "AVD-DS-0002",
                Title: "Image user should not be 'root'",
                Message: "Specify at least 1 USER command in Dockerfile with non-root user as argument",
                Severity: "HIGH",
                PrimaryURL: "https://avd.aquasec.com/misconfig/ds002",
                Status: "FAIL",
                CauseMetadata: { StartLine: 1, EndLine: 1 },
              },
              { ID: "DS001", AVDID: "AVD-DS-0001", Title: "':latest' tag used", Severity: "MEDIUM", Status: "PASS" },
              { ID: "DS026", AVDID: "AVD-DS-0026", Title: "No HEALTHCHECK", Severity: "LOW", Status: "EXCEPTION" },
            ],
          },
          {
            Target: "app/config.py",
            Class: "secret",
            Secrets: [
              {
                RuleID: "aws-access-key-id",
                Category: "AWS",
                Severity: "CRITICAL",
                Title: "AWS Access Key ID",
                StartLine: 12,
                EndLine: 12,
                Code: { Lines: [{ Content: "KEY = AKIAIOSFODNN7EXAMPLE" }] },
                Match: "KEY = AKIAIOSFODNN7EXAMPLE",
              },
            ],
          },
        ],
      }),
      headers,
    );
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome, f.severity])).toEqual([
      ["misconfig=AVD-DS-0002/Dockerfile:1", "code-scan", "fail", "high"],
      ["misconfig=AVD-DS-0026/Dockerfile", "code-scan", "info", null],
      ["secret=aws-access-key-id/app/config.py:12", "code-scan", "fail", "critical"],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "other", name: "." },
      title: "AVD-DS-0002: Image user should not be 'root'",
      links: ["https://avd.aquasec.com/misconfig/ds002"],
      attributes: { ruleId: "AVD-DS-0002", location: "Dockerfile:1", status: "FAIL" },
    });
    expect(parsed.findings[2]).toMatchObject({
      title: "Secret in app/config.py:12: AWS Access Key ID",
      attributes: { ruleId: "aws-access-key-id", category: "AWS", secret: true },
    });
    expect(JSON.stringify(parsed)).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });

  it("gives a code-scan pass for a config scan without failures, and no vulnerability pass for it", () => {
    const parsed = trivyAdapter.parse(
      json({
        ArtifactName: "https://github.com/acme/infra",
        ArtifactType: "repository",
        Results: [{ Target: "main.tf", Class: "config", Misconfigurations: [{ ID: "AVD-AWS-0086", Status: "PASS" }] }],
      }),
      headers,
    );
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "clean=misconfigurations",
      subject: { kind: "repository", name: "https://github.com/acme/infra" },
      check: "code-scan",
      outcome: "pass",
    });
  });

  it("keys repeated vulnerabilities apart and tolerates missing optional and unknown fields", () => {
    const vuln = { VulnerabilityID: "GHSA-xxxx-yyyy-zzzz", PkgName: "lodash", Severity: "UNKNOWN", NewField: 1 };
    const parsed = trivyAdapter.parse(
      json(
        image(
          [{ Target: "package-lock.json", Class: "lang-pkgs", Type: "npm", Vulnerabilities: [vuln, vuln], Extra: {} }],
          { Metadata: null, Future: true },
        ),
      ),
      headers,
    );
    expect(parsed.findings.map((f) => [f.key, f.severity, f.attributes.fixAvailable, f.attributes.cvssScore])).toEqual([
      ["vuln=GHSA-xxxx-yyyy-zzzz/lodash@?/package-lock.json", null, false, null],
      ["vuln=GHSA-xxxx-yyyy-zzzz/lodash@?/package-lock.json#2", null, false, null],
    ]);
    expect(parsed.findings[0]?.subject).toEqual({ kind: "container-image", name: "ghcr.io/acme/api:1.2.3" });
  });

  it("reads an array of reports, and keeps a Kubernetes report as an info event", () => {
    const parsed = trivyAdapter.parse(
      json([image([]), { ClusterName: "prod-eu", Resources: [] }, image([], { CreatedAt: undefined })]),
      headers,
    );
    expect(parsed.effectiveAt).toBe("2025-03-04T05:06:07.123Z");
    expect(parsed.findings.map((f) => [f.key, f.check, f.outcome])).toEqual([
      ["report=0/clean=vulnerabilities", "vulnerability", "pass"],
      ["report=1/event=cluster", "event", "info"],
      ["report=2/clean=vulnerabilities", "vulnerability", "pass"],
    ]);
  });

  it("rejects what is not a Trivy report", () => {
    expect(errorOf(() => trivyAdapter.parse(bytes("Total: 0 (UNKNOWN: 0)"), headers)).code).toBe("bad_request");
    expect(errorOf(() => trivyAdapter.parse(json({ hello: 1 }), headers)).code).toBe("validation_failed");
    expect(errorOf(() => trivyAdapter.parse(json([]), headers)).code).toBe("validation_failed");
    const badVuln = errorOf(() =>
      trivyAdapter.parse(json(image([{ Target: "x", Vulnerabilities: [{ PkgName: "a" }] }])), headers),
    );
    expect(badVuln.code).toBe("validation_failed");
    expect(badVuln.message).toContain("VulnerabilityID");
  });
});
