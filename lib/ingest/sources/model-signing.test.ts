import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { modelSigningAdapter } from "./model-signing.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));
const parse = (value: unknown) => modelSigningAdapter.parse(json(value), headers);
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

/** A self-signed test certificate (made locally with openssl) whose only SAN is a workflow URI. */
const CERT =
  "MIIB4jCCAYigAwIBAgIUNFlybWZk8isxrOvL5eTMdSqlId0wCgYIKoZIzj0EAwIwFzEVMBMGA1UECgwMc2lnc3RvcmUuZGV2MB4XDTI2MTEyNDE0NDE1MloXDTM2MTEyMTE0NDE1MlowFzEVMBMGA1UECgwMc2lnc3RvcmUuZGV2MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYl2vQXf3lCsRgSF8cxhTCsydSrkdWc76HALcGKDvBXeQ7PuoF6P60Zp8x/jk+Nf/DTTAZAbAMFmc0W+/ymYAqaOBsTCBrjAdBgNVHQ4EFgQUlr219KnITiiWL5aKBPjy7esRTQowHwYDVR0jBBgwFoAUlr219KnITiiWL5aKBPjy7esRTQowDwYDVR0TAQH/BAUwAwEB/zBbBgNVHREEVDBShlBodHRwczovL2dpdGh1Yi5jb20vb2N0by1vcmcvb2N0by1yZXBvLy5naXRodWIvd29ya2Zsb3dzL3NpZ24ueW1sQHJlZnMvaGVhZHMvbWFpbjAKBggqhkjOPQQDAgNIADBFAiEApUTdijLEkd4de+w7KQs15v1MID9bM6kbZpX9sbjda6ACICbW7wOIaKc1mdkZzP+7apXF9rCDBpQ+awGndEQ18EhY";
const WORKFLOW = "https://github.com/octo-org/octo-repo/.github/workflows/sign.yml@refs/heads/main";

const FILE_DIGESTS = ["aa".repeat(32), "bb".repeat(32)];
const ROOT = createHash("sha256")
  .update(Buffer.concat(FILE_DIGESTS.map((d) => Buffer.from(d, "hex"))))
  .digest("hex");
const v1Statement = (name: string, root = ROOT) => ({
  _type: "https://in-toto.io/Statement/v1",
  subject: [{ name, digest: { sha256: root } }],
  predicateType: "https://model_signing/signature/v1.0",
  predicate: {
    serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: [".git"] },
    resources: [
      { name: "config.json", algorithm: "sha256", digest: FILE_DIGESTS[0] },
      { name: "model.safetensors", algorithm: "sha256", digest: FILE_DIGESTS[1] },
    ],
  },
});
const bundle = (statement: unknown, signatures: unknown = [{ sig: "MEUCIQD0" }], extra: object = {}) => ({
  mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
  verificationMaterial: {
    certificate: { rawBytes: CERT },
    tlogEntries: [{ logIndex: "123456", integratedTime: "1735689600", kindVersion: { kind: "dsse" } }],
  },
  dsseEnvelope: { payload: b64(statement), payloadType: "application/vnd.in-toto+json", signatures },
  ...extra,
});

describe("modelSigningAdapter", () => {
  it("reads the shared Sigstore bundle fixture (legacy v0.1 predicate, one subject per file)", () => {
    const parsed = modelSigningAdapter.parse(readFixture("model-signing-bundle.sigstore.json"), headers);
    expect(parsed.eventType).toBe("model-signing.v0.1");
    expect(parsed.deliveryId).toBe("rekor:33292044");
    expect(parsed.effectiveAt).toBe("2024-09-18T15:37:35.000Z");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "signature/unnamed model",
      subject: { kind: "model", name: "unnamed model" },
      check: "signature",
      outcome: "pass",
      severity: null,
      title: "Signed model (10 files)",
      observedAt: "2024-09-18T15:37:35.000Z",
      links: [],
      attributes: {
        predicateType: "https://model_signing/Digests/v0.1",
        files: 10,
        serialization: null,
        rootDigestMatches: null,
        signatures: 1,
        // the fixture's certificate is trimmed, so no identity can be read from it
        signerIdentity: null,
        keyId: null,
        envelope: "sigstore-bundle",
        transparencyLogIndex: "33292044",
        cryptographicallyVerified: false,
      },
    });
  });

  it("reads the shared v1.0 statement fixture as an unsigned manifest (info), noting its placeholder digests", () => {
    const parsed = modelSigningAdapter.parse(readFixture("model-signing-statement-v1.json"), headers);
    expect(parsed.eventType).toBe("model-signing.v1.0");
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "signature/test_model@sha256:0b8a5a8c8e8f1a8b8c8d8e8f2a8b8c8d8e8f3a8b8c8d8e8f4a8b8c8d8e8f5a8b",
      subject: {
        kind: "model",
        name: "test_model",
        digest: "sha256:0b8a5a8c8e8f1a8b8c8d8e8f2a8b8c8d8e8f3a8b8c8d8e8f4a8b8c8d8e8f5a8b",
      },
      check: "signature",
      outcome: "info",
      title: "Unsigned signing statement for model test_model",
      observedAt: null,
      attributes: {
        predicateType: "https://model_signing/signature/v1.0",
        files: 2,
        serialization: "files",
        rootDigestMatches: false,
        signatures: 0,
        envelope: "statement",
        cryptographicallyVerified: false,
      },
    });
  });

  it("passes a signed v1.0 bundle whose files hash to the model digest, with the certificate's identity", () => {
    const parsed = parse(bundle(v1Statement("fraud-model")));
    expect(parsed.eventType).toBe("model-signing.v1.0");
    expect(parsed.deliveryId).toBe("rekor:123456");
    expect(parsed.effectiveAt).toBe("2025-01-01T00:00:00.000Z");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: `signature/fraud-model@sha256:${ROOT}`,
      subject: { kind: "model", name: "fraud-model", digest: `sha256:${ROOT}` },
      outcome: "pass",
      title: "Signed model fraud-model (2 files)",
      attributes: { rootDigestMatches: true, signatures: 1, signerIdentity: WORKFLOW, files: 2 },
    });
  });

  it("fails a bundle whose DSSE envelope carries no signature", () => {
    const missing = bundle(v1Statement("m"));
    const { signatures: _dropped, ...envelopeWithout } = missing.dsseEnvelope;
    for (const body of [
      bundle(v1Statement("m"), []),
      bundle(v1Statement("m"), null),
      bundle(v1Statement("m"), [{ sig: "" }]),
      { ...missing, dsseEnvelope: envelopeWithout },
    ]) {
      const finding = parse(body).findings[0];
      expect(finding).toMatchObject({ outcome: "fail", title: "Signature bundle for model m carries no signature" });
      expect(finding?.attributes.signatures).toBe(0);
    }
  });

  it("fails a signed v1.0 bundle whose files do not hash to the signed model digest", () => {
    const finding = parse(bundle(v1Statement("m", "00".repeat(32)))).findings[0];
    expect(finding).toMatchObject({ outcome: "fail", attributes: { rootDigestMatches: false } });
  });

  it("fails a signed statement that binds to no digest (v1.0 without subject, v0.1 without file digests)", () => {
    const v1 = { ...v1Statement("m"), subject: [] };
    expect(parse(bundle(v1)).findings[0]).toMatchObject({
      key: "signature/unnamed model",
      outcome: "fail",
      title: "Model signature names no digest",
      attributes: { files: 2, rootDigestMatches: null },
    });
    const legacy = {
      _type: "https://in-toto.io/Statement/v1",
      subject: [{ name: "a.bin", digest: { md5: "00" } }],
      predicateType: "https://model_signing/Digests/v0.1",
      predicate: {},
    };
    expect(parse(bundle(legacy)).findings[0]).toMatchObject({ outcome: "fail", attributes: { files: 0 } });
  });

  it("reads a bare DSSE envelope with a key id (key-based signing)", () => {
    const parsed = parse({
      payload: b64(v1Statement("keyed")),
      payloadType: "application/vnd.in-toto+json",
      signatures: [{ sig: "MEQCIA", keyid: "SHA256:abc123" }],
    });
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings[0]).toMatchObject({
      outcome: "pass",
      attributes: { envelope: "dsse", keyId: "SHA256:abc123", signerIdentity: null, transparencyLogIndex: null },
    });
  });

  it("reads a batch (array and JSON Lines) with per-signature keys, and the GitHub attestations API wrapper", () => {
    const two = [bundle(v1Statement("a")), bundle(v1Statement("a"), [])];
    const expected = [`signature[0]/signature/a@sha256:${ROOT}=pass`, `signature[1]/signature/a@sha256:${ROOT}=fail`];
    expect(parse(two).findings.map((f) => `${f.key}=${f.outcome}`)).toEqual(expected);
    const lines = bytes(two.map((b) => JSON.stringify(b)).join("\n"));
    expect(modelSigningAdapter.parse(lines, headers).findings.map((f) => `${f.key}=${f.outcome}`)).toEqual(expected);
    // the bundle as a JSON-encoded string inside the API answer
    const api = parse({ attestations: [{ bundle: JSON.stringify(bundle(v1Statement("b"))), repository_id: 1 }] });
    expect(api.findings.map((f) => f.subject.name)).toEqual(["b"]);
  });

  it("keeps an unknown predicate type as an info event and tolerates extra fields", () => {
    const parsed = parse(
      bundle(
        { _type: "https://in-toto.io/Statement/v1", subject: [], predicateType: "https://slsa.dev/provenance/v1" },
        [{ sig: "MEUC", extra: true }],
        { futureField: 1 },
      ),
    );
    expect(parsed.eventType).toBe("in-toto.statement");
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      key: "event/https://slsa.dev/provenance/v1",
      check: "event",
      outcome: "info",
      attributes: { eventType: "in-toto.statement", predicateType: "https://slsa.dev/provenance/v1", subjects: 0 },
    });
  });

  it("rejects a DSSE payload that is not base64 or not JSON with validation_failed", () => {
    const bad = bundle(v1Statement("m"));
    const notBase64 = { ...bad, dsseEnvelope: { ...bad.dsseEnvelope, payload: "not base64!!" } };
    expect(errorOf(() => parse(notBase64)).message).toContain("not valid base64");
    const notJson = { ...bad, dsseEnvelope: { ...bad.dsseEnvelope, payload: Buffer.from("hello").toString("base64") } };
    expect(errorOf(() => parse(notJson)).code).toBe("validation_failed");
  });

  it("rejects non-JSON with bad_request", () => {
    expect(errorOf(() => modelSigningAdapter.parse(bytes("-----BEGIN SIGNATURE-----"), headers)).code).toBe(
      "bad_request",
    );
  });

  it("rejects JSON that is not a model signature with validation_failed", () => {
    for (const body of [
      { hello: 1 },
      [],
      { mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json", messageSignature: { signature: "MEUC" } },
      { _type: "https://in-toto.io/Statement/v1", subject: [] },
      { dsseEnvelope: { payload: 42 } },
    ]) {
      expect(errorOf(() => parse(body)).code).toBe("validation_failed");
    }
  });
});
