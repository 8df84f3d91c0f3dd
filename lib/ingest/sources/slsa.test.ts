import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { readFixture } from "./shared/read-fixture.ts";
import { slsaAdapter } from "./slsa.ts";

const headers = new Headers();
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));
const parse = (value: unknown) => slsaAdapter.parse(json(value), headers);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const fixtureStatement = JSON.parse(readFixture("slsa-provenance-v1.intoto.json", "utf8")) as {
  predicate: Record<string, unknown>;
};
const SHA = "12".repeat(32);
const statementV1 = (predicate: unknown, subject: unknown = [{ name: "app.tar.gz", digest: { sha256: SHA } }]) => ({
  _type: "https://in-toto.io/Statement/v1",
  subject,
  predicateType: "https://slsa.dev/provenance/v1",
  predicate,
});
const dsse = (statement: unknown, signatures: unknown = [{ sig: "MEUCIQ", keyid: "" }]) => ({
  payloadType: "application/vnd.in-toto+json",
  payload: b64(statement),
  signatures,
});
const timedPredicate = {
  buildDefinition: { buildType: "https://example.com/build/v1", externalParameters: {} },
  runDetails: {
    builder: { id: "https://ci.example.com/builder" },
    metadata: { invocationId: "run-7", startedOn: "2025-05-01T10:00:00Z", finishedOn: "2025-05-01T10:05:00Z" },
  },
};

describe("slsaAdapter", () => {
  it("reads the shared SLSA v1 statement fixture (GitHub Actions build type): one pass per subject", () => {
    const parsed = slsaAdapter.parse(readFixture("slsa-provenance-v1.intoto.json"), headers);
    expect(parsed.eventType).toBe("slsa.provenance.v1");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toEqual({
      key: "provenance/model.safetensors@sha256:7127432f1ffff5b25875ce4e287c9dfa458655ad1b6183a2d274c061bf9e4b1b",
      subject: {
        kind: "model",
        name: "model.safetensors",
        digest: "sha256:7127432f1ffff5b25875ce4e287c9dfa458655ad1b6183a2d274c061bf9e4b1b",
      },
      check: "provenance",
      outcome: "pass",
      severity: null,
      title: "SLSA provenance for model.safetensors",
      detail:
        "Built by https://github.com/octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main from https://github.com/octo-org/octo-repo@refs/heads/main (commit example-sha). Unsigned statement (no envelope).",
      observedAt: null,
      links: [
        "https://github.com/octo-org/octo-repo/actions/runs/example-run-id/attempts/2",
        "https://github.com/octo-org/octo-repo",
      ],
      attributes: {
        predicateType: "https://slsa.dev/provenance/v1",
        builderId: "https://github.com/octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main",
        buildType: "https://actions.github.io/buildtypes/workflow/v1",
        sourceRepository: "https://github.com/octo-org/octo-repo",
        sourceRef: "refs/heads/main",
        sourceCommit: "example-sha",
        invocationId: "https://github.com/octo-org/octo-repo/actions/runs/example-run-id/attempts/2",
        envelope: "statement",
        signed: false,
        signerIdentity: null,
        cryptographicallyVerified: false,
      },
    });
  });

  it("reads the statement inside a Sigstore bundle, with the Rekor entry as delivery id and time", () => {
    const parsed = parse({
      mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
      verificationMaterial: {
        certificate: { rawBytes: "MIIC...TRIMMED" },
        tlogEntries: [{ logIndex: "987", integratedTime: "1735689600" }],
      },
      dsseEnvelope: dsse(fixtureStatement),
    });
    expect(parsed.eventType).toBe("slsa.provenance.v1");
    expect(parsed.deliveryId).toBe("rekor:987");
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:00.000Z");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      outcome: "pass",
      observedAt: "2025-01-01T00:00:00.000Z",
      attributes: { envelope: "sigstore-bundle", signed: true, signerIdentity: null, sourceCommit: "example-sha" },
    });
  });

  it("reads a DSSE envelope: build times, a fallback source from resolvedDependencies, several subject kinds", () => {
    const predicate = {
      ...timedPredicate,
      buildDefinition: {
        ...timedPredicate.buildDefinition,
        resolvedDependencies: [
          { uri: "https://example.com/toolchain.tgz", digest: { sha256: SHA } },
          { uri: "git+https://gitlab.com/group/project@refs/heads/dev", digest: { gitCommit: "abc123" } },
        ],
      },
    };
    const parsed = parse(
      dsse(
        statementV1(predicate, [
          { name: "ghcr.io/octo-org/scorer", digest: { sha256: SHA } },
          { name: "pkg:npm/%40octo/scorer@1.2.0", digest: { sha512: "ab".repeat(64) } },
          { name: "notes.txt", digest: {} },
          "garbage",
        ]),
      ),
    );
    expect(parsed.effectiveAt).toBe("2025-05-01T10:05:00.000Z");
    expect(parsed.findings.map((f) => [f.subject.kind, f.subject.name, f.subject.digest])).toEqual([
      ["container-image", "ghcr.io/octo-org/scorer", `sha256:${SHA}`],
      ["package", "pkg:npm/%40octo/scorer@1.2.0", `sha512:${"ab".repeat(64)}`],
    ]);
    expect(parsed.findings[0]).toMatchObject({
      outcome: "pass",
      observedAt: "2025-05-01T10:05:00.000Z",
      // invocationId "run-7" is not a URL, so only the repository is a link
      links: ["https://gitlab.com/group/project"],
      attributes: {
        builderId: "https://ci.example.com/builder",
        buildType: "https://example.com/build/v1",
        sourceRepository: "https://gitlab.com/group/project",
        sourceRef: "refs/heads/dev",
        sourceCommit: "abc123",
        invocationId: "run-7",
        envelope: "dsse",
        signed: true,
      },
    });
  });

  it("reads SLSA v0.2 provenance (builder, invocation.configSource, metadata)", () => {
    const parsed = parse({
      _type: "https://in-toto.io/Statement/v0.1",
      predicateType: "https://slsa.dev/provenance/v0.2",
      subject: [{ name: "model.gguf", digest: { sha256: SHA } }],
      predicate: {
        builder: {
          id: "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator.yml@v1.9.0",
        },
        buildType: "https://github.com/slsa-framework/slsa-github-generator/generic@v1",
        invocation: {
          configSource: {
            uri: "git+https://github.com/octo-org/octo-repo@refs/tags/v1.0.0",
            digest: { sha1: "0123456789abcdef0123456789abcdef01234567" },
            entryPoint: ".github/workflows/release.yml",
          },
        },
        metadata: { buildInvocationId: "5551-1", buildStartedOn: "2024-06-01T00:00:00Z" },
        materials: [],
      },
    });
    expect(parsed.eventType).toBe("slsa.provenance.v0.2");
    expect(parsed.effectiveAt).toBe("2024-06-01T00:00:00.000Z");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: `provenance/model.gguf@sha256:${SHA}`,
      subject: { kind: "model" },
      outcome: "pass",
      links: ["https://github.com/octo-org/octo-repo"],
      attributes: {
        predicateType: "https://slsa.dev/provenance/v0.2",
        buildType: "https://github.com/slsa-framework/slsa-github-generator/generic@v1",
        sourceRepository: "https://github.com/octo-org/octo-repo",
        sourceRef: "refs/tags/v1.0.0",
        sourceCommit: "0123456789abcdef0123456789abcdef01234567",
        invocationId: "5551-1",
      },
    });
  });

  it("fails provenance whose subjects carry no digest, and tolerates a predicate missing optional fields", () => {
    const parsed = parse(statementV1({ runDetails: { builder: { id: "b" } }, extra: 1 }, [{ name: "x" }]));
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "provenance/no-subject-digest",
      outcome: "fail",
      title: "SLSA provenance names no artifact digest",
      attributes: { builderId: "b", buildType: null, sourceRepository: null, sourceCommit: null, invocationId: null },
    });
    expect(parse(statementV1("not an object", undefined)).findings[0]?.attributes.builderId).toBeNull();
  });

  it("keeps an unknown predicate type as one info event", () => {
    const parsed = parse({
      _type: "https://in-toto.io/Statement/v1",
      predicateType: "https://in-toto.io/attestation/vulns/v0.1",
      subject: [{ name: "app", digest: { sha256: SHA } }],
      predicate: {},
    });
    expect(parsed.eventType).toBe("in-toto.statement");
    expect(parsed.findings).toEqual([
      {
        key: "event/https://in-toto.io/attestation/vulns/v0.1",
        subject: { kind: "other", name: "app", digest: `sha256:${SHA}` },
        check: "event",
        outcome: "info",
        severity: null,
        title: "In-toto statement with predicate https://in-toto.io/attestation/vulns/v0.1 (not SLSA provenance)",
        observedAt: null,
        links: [],
        attributes: {
          eventType: "in-toto.statement",
          predicateType: "https://in-toto.io/attestation/vulns/v0.1",
          subjects: 1,
        },
      },
    ]);
  });

  it("reads JSON Lines (.intoto.jsonl), arrays and the GitHub attestations API answer with embedded JSON", () => {
    const lines = bytes(
      [dsse(fixtureStatement), dsse(statementV1(timedPredicate))].map((x) => JSON.stringify(x)).join("\n"),
    );
    const fromLines = slsaAdapter.parse(lines, headers);
    expect(fromLines.deliveryId).toBeNull();
    // the first attestation that states a time (the fixture's statement states none)
    expect(fromLines.effectiveAt).toBe("2025-05-01T10:05:00.000Z");
    expect(fromLines.findings.map((f) => f.key)).toEqual([
      "attestation[0]/provenance/model.safetensors@sha256:7127432f1ffff5b25875ce4e287c9dfa458655ad1b6183a2d274c061bf9e4b1b",
      `attestation[1]/provenance/app.tar.gz@sha256:${SHA}`,
    ]);
    const api = parse({
      attestations: [{ bundle: JSON.stringify({ dsseEnvelope: dsse(statementV1(timedPredicate)) }), repository_id: 1 }],
    });
    expect(api.findings.map((f) => `${f.key}=${f.outcome}`)).toEqual([`provenance/app.tar.gz@sha256:${SHA}=pass`]);
    expect(api.effectiveAt).toBe("2025-05-01T10:05:00.000Z");
  });

  it("rejects non-JSON with bad_request", () => {
    expect(errorOf(() => slsaAdapter.parse(bytes("not json\nat all"), headers)).code).toBe("bad_request");
  });

  it("rejects JSON that is not provenance, and broken DSSE payloads, with validation_failed", () => {
    for (const body of [
      { hello: 1 },
      [],
      { _type: "https://in-toto.io/Statement/v1", subject: [] },
      { payloadType: "application/vnd.in-toto+json", payload: "%%%", signatures: [] },
      { payloadType: "application/vnd.in-toto+json", payload: Buffer.from("[1,").toString("base64"), signatures: [] },
      { dsseEnvelope: { payload: b64("just a string"), payloadType: "application/vnd.in-toto+json" } },
    ]) {
      expect(errorOf(() => parse(body)).code).toBe("validation_failed");
    }
  });
});
