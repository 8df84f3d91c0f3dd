import { z } from "zod";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter, SubjectKind } from "../source-adapter.ts";
import { inTotoStatementSchema } from "./shared/in-toto-statement-schema.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientRecord } from "./shared/lenient-record.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { takeUniqueKey } from "./shared/take-unique-key.ts";
import { truncateText } from "./shared/truncate-text.ts";
import { readJsonOrLines } from "./slsa/read-json-or-lines.ts";
import { readProvenanceFacts, type ProvenanceFacts } from "./slsa/read-provenance-facts.ts";
import { unwrapAttestations, type UnwrappedAttestation } from "./slsa/unwrap-attestations.ts";

/**
 * SLSA build provenance: in-toto Statements (v1, and v0.1 as used with SLSA v0.2) whose predicate is
 * SLSA Provenance v1 (`https://slsa.dev/provenance/v1`, `buildDefinition` + `runDetails`) or v0.2/v0.1
 * (`builder`, `invocation`, `metadata`, `materials`). The statement may arrive bare, in a DSSE envelope
 * (base64 `payload`), in a Sigstore bundle (what actions/attest-build-provenance and `gh attestation
 * download` write), as JSON Lines (slsa-github-generator's `.intoto.jsonl`) or as the GitHub attestations
 * API answer. Checked against the SLSA provenance spec pages (v1.0, v0.2) and actions/toolkit
 * `packages/attest/src/provenance.ts` (the GitHub Actions workflow build type).
 *
 * One `provenance` finding per subject that has a digest: `pass` (the artifact has recorded provenance),
 * with the builder, build type, source repository/ref/commit and invocation; `fail` when no subject
 * has a digest (the provenance binds to nothing). Other predicate types are kept as one `info` `event`.
 * Assay records the envelope and whether it carries signatures but does NOT verify them (that needs the
 * Sigstore trust root): `cryptographicallyVerified` is always false here.
 */
export const slsaAdapter: SourceAdapter = {
  kind: "slsa",
  contentTypes: [
    "application/vnd.in-toto+json",
    "application/json",
    "application/vnd.dev.sigstore.bundle.v0.3+json",
    "application/x-ndjson",
    "application/jsonl",
  ],
  parse,
};

const subjectSchema = z.looseObject({
  name: lenientString,
  digest: lenientRecord,
});

const MODEL_FILE = /\.(safetensors|gguf|ggml|onnx|pt|pth|ckpt|h5|keras|tflite|mlmodel|pkl|joblib|npz)$/i;

function parse(raw: Uint8Array): ParsedEvidence {
  const attestations = unwrapAttestations(readJsonOrLines(raw, "SLSA provenance body"), "SLSA provenance");
  const seen = new Set<string>();
  const findings: NormalizedFinding[] = [];
  const eventTypes: string[] = [];
  let effectiveAt: string | null = null;
  attestations.forEach((attestation, index) => {
    const prefix = attestations.length > 1 ? `attestation[${index}]/` : "";
    const statement = parseSourceShape(
      inTotoStatementSchema,
      attestation.statement,
      "in-toto statement (SLSA provenance)",
    );
    const version = slsaVersion(statement.predicateType);
    eventTypes.push(version ? `slsa.provenance.${version}` : "in-toto.statement");
    if (!version) {
      findings.push(unknownPredicate(statement.predicateType, statement.subject ?? [], prefix, seen));
      return;
    }
    const facts = readProvenanceFacts(version === "v1" ? "v1" : "v0.2", statement.predicate);
    const observedAt = facts.finishedOn ?? facts.startedOn ?? attestation.integratedTime;
    effectiveAt ??= observedAt;
    const context = { facts, attestation, predicateType: statement.predicateType, observedAt };
    const subjects = (statement.subject ?? []).map(readSubject).filter((s) => s !== null);
    if (subjects.length === 0) {
      findings.push(noSubjectFinding(context, takeUniqueKey(seen, `${prefix}provenance/no-subject-digest`)));
      return;
    }
    for (const s of subjects) {
      findings.push(subjectFinding(context, s, takeUniqueKey(seen, `${prefix}provenance/${s.name}@${s.digest}`)));
    }
  });
  const only = attestations.length === 1 ? attestations[0] : undefined;
  return {
    eventType: eventTypes[0] ?? "in-toto.statement",
    deliveryId: only?.tlogLogIndex ? `rekor:${only.tlogLogIndex}` : null,
    effectiveAt,
    findings,
  };
}

interface Context {
  facts: ProvenanceFacts;
  attestation: UnwrappedAttestation;
  predicateType: string;
  observedAt: string | null;
}

function subjectFinding(c: Context, s: { name: string; digest: string }, key: string): NormalizedFinding {
  const { facts } = c;
  const source = facts.sourceRepository
    ? ` from ${facts.sourceRepository}${facts.sourceRef ? `@${facts.sourceRef}` : ""}${facts.sourceCommit ? ` (commit ${facts.sourceCommit})` : ""}`
    : "";
  return {
    key,
    subject: { kind: subjectKind(s.name), name: s.name, digest: s.digest },
    check: "provenance",
    outcome: "pass",
    severity: null,
    title: `SLSA provenance for ${s.name}`,
    detail: truncateText(
      `Built by ${facts.builderId ?? "an unnamed builder"}${source}. ${signatureNote(c.attestation)}`,
    ),
    observedAt: c.observedAt,
    links: keepHttpLinks([facts.invocationId, facts.sourceRepository]),
    attributes: attributesOf(c),
  };
}

function noSubjectFinding(c: Context, key: string): NormalizedFinding {
  return {
    key,
    subject: { kind: "other", name: c.facts.builderId ?? "unnamed artifact" },
    check: "provenance",
    outcome: "fail",
    severity: null,
    title: "SLSA provenance names no artifact digest",
    detail: "The statement has no subject with a digest, so this provenance cannot be tied to any artifact.",
    observedAt: c.observedAt,
    links: keepHttpLinks([c.facts.invocationId, c.facts.sourceRepository]),
    attributes: attributesOf(c),
  };
}

function attributesOf(c: Context): NormalizedFinding["attributes"] {
  const { facts, attestation } = c;
  return {
    predicateType: c.predicateType,
    builderId: clipOrNull(facts.builderId),
    buildType: clipOrNull(facts.buildType),
    sourceRepository: clipOrNull(facts.sourceRepository),
    sourceRef: clipOrNull(facts.sourceRef),
    sourceCommit: clipOrNull(facts.sourceCommit),
    invocationId: clipOrNull(facts.invocationId),
    envelope: attestation.envelope,
    signed: attestation.signatureCount > 0,
    signerIdentity: attestation.signerIdentity,
    cryptographicallyVerified: false,
  };
}

function unknownPredicate(predicateType: string, subjects: unknown[], prefix: string, seen: Set<string>) {
  const first = subjects.map(readSubject).find((s) => s !== null);
  const finding: NormalizedFinding = {
    key: takeUniqueKey(seen, `${prefix}event/${predicateType}`),
    subject: first
      ? { kind: subjectKind(first.name), name: first.name, digest: first.digest }
      : { kind: "other", name: "in-toto statement" },
    check: "event",
    outcome: "info",
    severity: null,
    title: `In-toto statement with predicate ${truncateText(predicateType, 200)} (not SLSA provenance)`,
    observedAt: null,
    links: [],
    attributes: {
      eventType: "in-toto.statement",
      predicateType: truncateText(predicateType),
      subjects: subjects.length,
    },
  };
  return finding;
}

function slsaVersion(predicateType: string): string | null {
  const m = /^https:\/\/slsa\.dev\/provenance\/(v1(?:\.\d+)?|v0\.[12])$/.exec(predicateType.trim());
  return m?.[1] ?? null;
}

/** A subject with a name and a digest (sha256 preferred), as `alg:hex`; null when it has no digest. */
function readSubject(value: unknown): { name: string; digest: string } | null {
  const r = subjectSchema.safeParse(value);
  if (!r.success || !r.data.digest) return null;
  const entries = Object.entries(r.data.digest).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
  );
  const chosen = entries.find(([alg]) => alg === "sha256") ?? entries.find(([alg]) => alg === "sha512") ?? entries[0];
  if (!chosen) return null;
  const digest = `${chosen[0]}:${chosen[1]}`;
  return { name: truncateText(r.data.name || digest, 300), digest: truncateText(digest, 300) };
}

function subjectKind(name: string): SubjectKind {
  if (name.startsWith("pkg:")) return "package";
  if (MODEL_FILE.test(name)) return "model";
  const first = name.split("/")[0] ?? "";
  if (name.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")) {
    return "container-image";
  }
  return "other";
}

function signatureNote(a: UnwrappedAttestation): string {
  if (a.envelope === "statement") return "Unsigned statement (no envelope).";
  const who = a.signerIdentity ? ` by ${a.signerIdentity}` : "";
  return `${a.signatureCount} signature(s)${who} recorded, not cryptographically verified by Assay.`;
}

function clipOrNull(s: string | null): string | null {
  return s === null ? null : truncateText(s);
}
