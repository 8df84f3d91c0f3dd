import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { grypeAdapter } from "./grype.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const fixtureText = readFixture("grype-image.json", "utf8");
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

const DIGEST = "sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1";
const match = (id: string, severity: string, extra: Record<string, unknown> = {}) => ({
  vulnerability: {
    id,
    severity,
    dataSource: `https://nvd.nist.gov/vuln/detail/${id}`,
    urls: ["not a url", `https://nvd.nist.gov/vuln/detail/${id}`],
    description: "d".repeat(700),
    fix: { versions: [], state: "not-fixed" },
  },
  matchDetails: [],
  artifact: { name: "openssl", version: "3.0.2", type: "deb", purl: "pkg:deb/ubuntu/openssl@3.0.2" },
  ...extra,
});
const report = (matches: unknown[], extra: Record<string, unknown> = {}) => ({
  matches,
  source: {
    type: "image",
    target: {
      userInput: "ubuntu:22.04",
      imageID: "sha256:aaa",
      manifestDigest: "sha256:bbb",
      repoDigests: [`ubuntu@${DIGEST}`],
      tags: ["ubuntu:22.04"],
    },
  },
  descriptor: { name: "grype", version: "0.80.0", timestamp: "2025-08-01T10:11:12.123456789+02:00" },
  ...extra,
});

describe("grypeAdapter", () => {
  it("reads the shared image fixture: one vulnerability fail per match", () => {
    const parsed = grypeAdapter.parse(bytes(fixtureText), headers);
    expect(parsed.eventType).toBe("grype.report");
    expect(parsed.deliveryId).toBeNull();
    // the snapshot's descriptor timestamp is empty
    expect(parsed.effectiveAt).toBeNull();
    const subject = {
      kind: "container-image",
      name: "user-input",
      digest: "sha256:ca738abb87a8d58f112d3400ebb079b61ceae7dc290beb34bda735be4b1941d5",
    };
    expect(parsed.findings).toEqual([
      {
        key: "vuln=CVE-1999-0001/package-1@1.1.1/rpm",
        subject,
        check: "vulnerability",
        outcome: "fail",
        severity: "low",
        title: "CVE-1999-0001 in package-1 1.1.1",
        observedAt: null,
        links: [],
        attributes: {
          cve: "CVE-1999-0001",
          package: "package-1",
          installedVersion: "1.1.1",
          pkgType: "rpm",
          fixedVersion: "1.2.1",
          fixState: "fixed",
          knownExploited: false,
          cvssScore: 8.2,
        },
      },
      {
        key: "vuln=CVE-1999-0002/package-2@2.2.2/deb",
        subject,
        check: "vulnerability",
        outcome: "fail",
        severity: "critical",
        title: "CVE-1999-0002 in package-2 2.2.2",
        observedAt: null,
        links: [],
        attributes: {
          cve: "CVE-1999-0002",
          package: "package-2",
          installedVersion: "2.2.2",
          pkgType: "deb",
          fixedVersion: null,
          fixState: null,
          knownExploited: true,
          cvssScore: 8.5,
        },
      },
    ]);
  });

  it("prefers the registry digest, maps Grype's severities and keeps ignored matches as info", () => {
    const parsed = grypeAdapter.parse(
      json(
        report(
          [match("CVE-2024-0001", "High"), match("CVE-2024-0002", "Negligible"), match("CVE-2024-0003", "Unknown")],
          {
            ignoredMatches: [{ ...match("CVE-2024-0009", "Critical"), appliedIgnoreRules: [{ vulnerability: "x" }] }],
          },
        ),
      ),
      headers,
    );
    expect(parsed.effectiveAt).toBe("2025-08-01T08:11:12.123Z");
    expect(parsed.findings.map((f) => [f.key, f.outcome, f.severity])).toEqual([
      ["vuln=CVE-2024-0001/openssl@3.0.2/deb", "fail", "high"],
      ["vuln=CVE-2024-0002/openssl@3.0.2/deb", "fail", "info"],
      ["vuln=CVE-2024-0003/openssl@3.0.2/deb", "fail", null],
      ["ignored/vuln=CVE-2024-0009/openssl@3.0.2/deb", "info", null],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      subject: { kind: "container-image", name: "ubuntu:22.04", digest: DIGEST },
      title: "CVE-2024-0001 in openssl 3.0.2",
      observedAt: "2025-08-01T08:11:12.123Z",
      links: ["https://nvd.nist.gov/vuln/detail/CVE-2024-0001"],
      attributes: { fixedVersion: null, fixState: "not-fixed", knownExploited: false, cvssScore: null },
    });
    expect(parsed.findings[0]?.detail).toHaveLength(500);
    expect(parsed.findings[3]?.title).toBe("CVE-2024-0009 in openssl 3.0.2 (ignored)");
  });

  it("gives one pass for a report without matches, naming a scanned directory", () => {
    const parsed = grypeAdapter.parse(
      json({ matches: [], source: { type: "directory", target: "./services/api" }, descriptor: { version: "0.80.0" } }),
      headers,
    );
    expect(parsed.findings).toEqual([
      {
        key: "clean=./services/api",
        subject: { kind: "other", name: "./services/api" },
        check: "vulnerability",
        outcome: "pass",
        severity: null,
        title: "Grype found no vulnerabilities in ./services/api",
        observedAt: null,
        links: [],
        attributes: { ignoredMatches: 0, grypeVersion: "0.80.0" },
      },
    ]);
  });

  it("tolerates missing optional and unknown fields, and keys repeated matches apart", () => {
    const bare = { vulnerability: { id: "GHSA-1111-2222-3333", newField: 1 }, artifact: { name: "left-pad" } };
    const parsed = grypeAdapter.parse(json({ matches: [bare, bare], somethingNew: {} }), headers);
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings.map((f) => [f.key, f.severity, f.title])).toEqual([
      ["vuln=GHSA-1111-2222-3333/left-pad@?/unknown", null, "GHSA-1111-2222-3333 in left-pad"],
      ["vuln=GHSA-1111-2222-3333/left-pad@?/unknown#2", null, "GHSA-1111-2222-3333 in left-pad"],
    ]);
    expect(parsed.findings[0]?.subject).toEqual({ kind: "other", name: "grype target" });
  });

  it("reads a JSON array of reports", () => {
    const parsed = grypeAdapter.parse(json([report([]), report([match("CVE-2024-0001", "Medium")])]), headers);
    expect(parsed.findings.map((f) => [f.key, f.outcome])).toEqual([
      ["report=0/clean=ubuntu:22.04", "pass"],
      ["report=1/vuln=CVE-2024-0001/openssl@3.0.2/deb", "fail"],
    ]);
  });

  it("rejects what is not a Grype report", () => {
    expect(errorOf(() => grypeAdapter.parse(bytes("NAME INSTALLED FIXED-IN"), headers)).code).toBe("bad_request");
    expect(errorOf(() => grypeAdapter.parse(json({ hello: 1 }), headers)).code).toBe("validation_failed");
    expect(errorOf(() => grypeAdapter.parse(json([]), headers)).code).toBe("validation_failed");
    const badMatch = errorOf(() => grypeAdapter.parse(json({ matches: [{ vulnerability: {} }] }), headers));
    expect(badMatch.code).toBe("validation_failed");
    expect(badMatch.message).toContain("matches.0.vulnerability.id");
  });
});
