import { z } from "zod";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter } from "../source-adapter.ts";
import { checkRootDigest } from "./model-signing/check-root-digest.ts";
import { inTotoStatementSchema } from "./shared/in-toto-statement-schema.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { takeUniqueKey } from "./shared/take-unique-key.ts";
import { truncateText } from "./shared/truncate-text.ts";
import { readJsonOrLines } from "./slsa/read-json-or-lines.ts";
import { unwrapAttestations, type UnwrappedAttestation } from "./slsa/unwrap-attestations.ts";

/**
 * OpenSSF model signing (sigstore/model-transparency, the `model_signing` CLI/library): the `model.sig`
 * Sigstore bundle (v0.3, `dsseEnvelope` whose base64 payload is an in-toto Statement v1), also taken as
 * a bare DSSE envelope, a bare statement, an array or JSON Lines of them. Two predicates, as checked in
 * model-transparency `src/model_signing/_signing/signing.py` and `docs/model_signing_format.md`:
 * - v1.0 `https://model_signing/signature/v1.0`: one subject (the model's name and a SHA-256 over all
 *   file digests), `predicate.serialization` and `predicate.resources[]` (name, algorithm, digest);
 * - legacy `https://model_signing/Digests/v0.1`: one subject per file, no model name.
 *
 * One `signature` finding per signed model: `pass` when the bundle carries at least one signature (and,
 * for v1.0, the listed files hash to the signed model digest); `fail` when the envelope has no signature
 * or the v1.0 manifest is inconsistent; `info` for a bare statement (the manifest without its signature).
 * Other predicates are kept as one `info` `event`. Assay records the bundle and reads the signer from the
 * certificate's SAN (else the key id) but does NOT verify the signature, certificate chain or
 * transparency-log proof: full Sigstore verification needs the trust root and is not done here, so
 * `cryptographicallyVerified` is always false.
 */
export const modelSigningAdapter: SourceAdapter = {
  kind: "model-signing",
  contentTypes: ["application/vnd.dev.sigstore.bundle.v0.3+json", "application/json", "application/vnd.in-toto+json"],
  parse,
};

const V1 = "https://model_signing/signature/v1.0";
const V01 = "https://model_signing/Digests/v0.1";
/** The legacy v0.1 format records no model name (model_signing itself uses a placeholder). */
const UNNAMED = "unnamed model";

const subjectSchema = z.looseObject({
  name: lenientString,
  digest: z.looseObject({ sha256: lenientString }).nullish().catch(null),
});
const v1PredicateSchema = z.looseObject({
  serialization: z.looseObject({ method: lenientString }).nullish().catch(null),
  resources: z
    .array(z.looseObject({ name: lenientString, digest: lenientString }))
    .nullish()
    .catch(null),
});

interface SignedModel {
  name: string;
  digest: string | null;
  predicateType: string;
  files: number;
  serialization: string | null;
  rootDigestMatches: boolean | null;
}

function parse(raw: Uint8Array): ParsedEvidence {
  const attestations = unwrapAttestations(readJsonOrLines(raw, "model signature body"), "model signature");
  const seen = new Set<string>();
  const findings: NormalizedFinding[] = [];
  const eventTypes: string[] = [];
  attestations.forEach((attestation, index) => {
    const prefix = attestations.length > 1 ? `signature[${index}]/` : "";
    const statement = parseSourceShape(
      inTotoStatementSchema,
      attestation.statement,
      "in-toto statement (model signature)",
    );
    const subjects = statement.subject ?? [];
    if (statement.predicateType === V1) {
      eventTypes.push("model-signing.v1.0");
      for (const model of readV1Models(subjects, statement.predicate)) {
        findings.push(signatureFinding(model, attestation, takeUniqueKey(seen, `${prefix}${keyOf(model)}`)));
      }
    } else if (statement.predicateType === V01) {
      eventTypes.push("model-signing.v0.1");
      const model = readLegacyModel(subjects);
      findings.push(signatureFinding(model, attestation, takeUniqueKey(seen, `${prefix}${keyOf(model)}`)));
    } else {
      eventTypes.push("in-toto.statement");
      findings.push({
        key: takeUniqueKey(seen, `${prefix}event/${statement.predicateType}`),
        subject: { kind: "other", name: "in-toto statement" },
        check: "event",
        outcome: "info",
        severity: null,
        title: `In-toto statement with predicate ${truncateText(statement.predicateType, 200)} (not a model signature)`,
        observedAt: attestation.integratedTime,
        links: [],
        attributes: {
          eventType: "in-toto.statement",
          predicateType: truncateText(statement.predicateType),
          subjects: subjects.length,
        },
      });
    }
  });
  const only = attestations.length === 1 ? attestations[0] : undefined;
  return {
    eventType: eventTypes[0] ?? "in-toto.statement",
    deliveryId: only?.tlogLogIndex ? `rekor:${only.tlogLogIndex}` : null,
    effectiveAt: attestations.find((a) => a.integratedTime !== null)?.integratedTime ?? null,
    findings,
  };
}

/** v1.0: each subject (normally exactly one) is the model; the predicate lists its files. */
function readV1Models(subjects: unknown[], predicate: unknown): SignedModel[] {
  const p = v1PredicateSchema.safeParse(predicate);
  const resources = (p.success ? p.data.resources : null) ?? [];
  const digests = resources.map((r) => r.digest ?? "");
  const models = subjects.map((value): SignedModel => {
    const s = subjectSchema.safeParse(value);
    const sha256 = s.success ? (s.data.digest?.sha256 ?? null) : null;
    return {
      name: truncateText((s.success ? s.data.name : null) || UNNAMED, 300),
      digest: sha256 ? truncateText(`sha256:${sha256}`, 300) : null,
      predicateType: V1,
      files: resources.length,
      serialization: p.success ? (p.data.serialization?.method ?? null) : null,
      rootDigestMatches: sha256 ? checkRootDigest(digests, sha256) : null,
    };
  });
  return models.length > 0 ? models : [{ ...EMPTY_V1, files: resources.length }];
}

const EMPTY_V1: SignedModel = {
  name: UNNAMED,
  digest: null,
  predicateType: V1,
  files: 0,
  serialization: null,
  rootDigestMatches: null,
};

/** Legacy v0.1: the subjects are the model's files; the model itself has no name or digest. */
function readLegacyModel(subjects: unknown[]): SignedModel {
  const files = subjects.filter((value) => {
    const s = subjectSchema.safeParse(value);
    return s.success && Boolean(s.data.digest?.sha256);
  }).length;
  return { name: UNNAMED, digest: null, predicateType: V01, files, serialization: null, rootDigestMatches: null };
}

function keyOf(model: SignedModel): string {
  return model.digest ? `signature/${model.name}@${model.digest}` : `signature/${model.name}`;
}

function signatureFinding(model: SignedModel, a: UnwrappedAttestation, key: string): NormalizedFinding {
  const signer = a.signerIdentity ?? a.keyId;
  const named = model.name === UNNAMED ? "model" : `model ${model.name}`;
  let outcome: NormalizedFinding["outcome"] = "pass";
  let title = `Signed ${named} (${model.files} files)`;
  let detail = `${a.signatureCount} signature(s)${signer ? ` by ${signer}` : ""} recorded over ${model.files} file digest(s); not cryptographically verified by Assay.`;
  if (a.envelope === "statement") {
    outcome = "info";
    title = `Unsigned signing statement for ${named}`;
    detail = `The manifest of ${model.files} file digest(s) arrived without its DSSE envelope or Sigstore bundle, so it shows no signature.`;
  } else if (a.signatureCount === 0) {
    outcome = "fail";
    title = `Signature bundle for ${named} carries no signature`;
    detail = "The DSSE envelope has no signatures: nothing vouches for these file digests.";
  } else if (model.rootDigestMatches === false) {
    outcome = "fail";
    title = `Signature for ${named} is inconsistent`;
    detail = "The listed file digests do not hash to the signed model digest (model_signing would reject it).";
  } else if (model.predicateType === V1 ? model.digest === null : model.files === 0) {
    outcome = "fail";
    title = "Model signature names no digest";
    detail = "The statement has no subject with a sha256 digest, so the signature binds to no model.";
  }
  return {
    key,
    subject: { kind: "model", name: model.name, ...(model.digest ? { digest: model.digest } : {}) },
    check: "signature",
    outcome,
    severity: null,
    title,
    detail: truncateText(detail),
    observedAt: a.integratedTime,
    links: [],
    attributes: {
      predicateType: model.predicateType,
      files: model.files,
      serialization: model.serialization,
      rootDigestMatches: model.rootDigestMatches,
      signatures: a.signatureCount,
      signerIdentity: a.signerIdentity,
      keyId: a.keyId ? truncateText(a.keyId, 200) : null,
      envelope: a.envelope,
      transparencyLogIndex: a.tlogLogIndex,
      cryptographicallyVerified: false,
    },
  };
}
