import { z } from "zod";
import { AppError } from "../../../errors/app-error.ts";
import { parseEmbeddedJson } from "../../json/parse-embedded-json.ts";
import { parseSourceShape } from "../../json/parse-source-shape.ts";
import { toIsoTime } from "../shared/to-iso-time.ts";
import { decodeDssePayload } from "./decode-dsse-payload.ts";
import { readCertificateIdentity } from "./read-certificate-identity.ts";

/** One in-toto statement found in a body, with what its wrapper says about the signature. */
export interface UnwrappedAttestation {
  /** The parsed statement (not yet validated: each adapter checks the predicate it reads). */
  statement: unknown;
  /** How it arrived: inside a Sigstore bundle, a bare DSSE envelope, or as a bare (unsigned) statement. */
  envelope: "sigstore-bundle" | "dsse" | "statement";
  payloadType: string | null;
  /** DSSE signatures that carry signature bytes (0 for a bare statement). */
  signatureCount: number;
  /** The DSSE `keyid`, else the bundle's public-key hint. */
  keyId: string | null;
  /** Email or URI SAN of the bundle's signing certificate, when readable. */
  signerIdentity: string | null;
  bundleMediaType: string | null;
  /** Rekor log index of the first transparency-log entry. */
  tlogLogIndex: string | null;
  /** When Rekor integrated the entry (ISO 8601). */
  integratedTime: string | null;
}

const signatureSchema = z.looseObject({ sig: z.string().nullish(), keyid: z.string().nullish() });
const dsseSchema = z.looseObject({
  payload: z.string(),
  payloadType: z.string().nullish(),
  signatures: z.array(signatureSchema).nullish(),
});
const rawBytesSchema = z.looseObject({ rawBytes: z.string().nullish() });
const bundleSchema = z.looseObject({
  mediaType: z.string().nullish(),
  verificationMaterial: z
    .looseObject({
      certificate: rawBytesSchema.nullish(),
      x509CertificateChain: z.looseObject({ certificates: z.array(rawBytesSchema).nullish() }).nullish(),
      publicKey: z.looseObject({ hint: z.string().nullish() }).nullish(),
      tlogEntries: z
        .array(
          z.looseObject({
            logIndex: z.union([z.string(), z.number()]).nullish(),
            integratedTime: z.union([z.string(), z.number()]).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
  dsseEnvelope: dsseSchema.nullish(),
});

const MAX_NESTING = 4;

/**
 * Finds the in-toto statements in a parsed body, whatever wraps them: a Sigstore bundle (v0.1-v0.3,
 * `dsseEnvelope`), a bare DSSE envelope (`payload`, `payloadType`, `signatures`), a bare statement
 * (`_type`/`subject`/`predicateType`), a JSON array or JSON Lines of those, the GitHub attestations API
 * answer (`{attestations: [{bundle}]}`), and any of them as a JSON-encoded string. The DSSE payload is
 * decoded here; nothing is verified (no signature, certificate chain or transparency-log proof check).
 * Anything else is `validation_failed` naming the item.
 */
export function unwrapAttestations(value: unknown, source: string): UnwrappedAttestation[] {
  const out: UnwrappedAttestation[] = [];
  collect(value, source, "body", 0, out);
  if (out.length === 0) throw new AppError("validation_failed", `The ${source} body holds no attestation.`);
  return out;
}

function collect(value: unknown, source: string, where: string, depth: number, out: UnwrappedAttestation[]): void {
  const v = parseEmbeddedJson(value);
  if (depth > MAX_NESTING) {
    throw new AppError("validation_failed", `The ${source} ${where} nests attestations too deeply.`);
  }
  if (Array.isArray(v)) {
    v.forEach((item, i) => collect(item, source, `${where}[${i}]`, depth + 1, out));
    return;
  }
  if (v === null || typeof v !== "object") {
    throw new AppError("validation_failed", `The ${source} ${where} is not an attestation object.`);
  }
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.attestations)) {
    collect(o.attestations, source, `${where}.attestations`, depth + 1, out);
  } else if ("dsseEnvelope" in o || "verificationMaterial" in o || "messageSignature" in o) {
    out.push(readBundle(o, source, where));
  } else if ("payload" in o && "payloadType" in o) {
    out.push(readDsse(parseSourceShape(dsseSchema, o, `${source} DSSE envelope (${where})`), where, source));
  } else if ("predicateType" in o || "_type" in o) {
    out.push({ ...EMPTY, statement: o, envelope: "statement" });
  } else if ("bundle" in o) {
    collect(o.bundle, source, `${where}.bundle`, depth + 1, out);
  } else {
    throw new AppError(
      "validation_failed",
      `The ${source} ${where} is not an in-toto statement, DSSE envelope or Sigstore bundle.`,
    );
  }
}

const EMPTY: Omit<UnwrappedAttestation, "statement" | "envelope"> = {
  payloadType: null,
  signatureCount: 0,
  keyId: null,
  signerIdentity: null,
  bundleMediaType: null,
  tlogLogIndex: null,
  integratedTime: null,
};

function readDsse(dsse: z.output<typeof dsseSchema>, where: string, source: string): UnwrappedAttestation {
  const signatures = (dsse.signatures ?? []).filter((s) => typeof s.sig === "string" && s.sig.trim() !== "");
  return {
    ...EMPTY,
    statement: decodeDssePayload(dsse.payload, `${source} ${where}`),
    envelope: "dsse",
    payloadType: dsse.payloadType ?? null,
    signatureCount: signatures.length,
    keyId: signatures.find((s) => s.keyid)?.keyid ?? null,
  };
}

function readBundle(o: Record<string, unknown>, source: string, where: string): UnwrappedAttestation {
  const bundle = parseSourceShape(bundleSchema, o, `${source} Sigstore bundle (${where})`);
  if (!bundle.dsseEnvelope) {
    throw new AppError(
      "validation_failed",
      `The ${source} ${where} is a Sigstore bundle without a DSSE envelope (a message signature carries no in-toto statement).`,
    );
  }
  const inner = readDsse(bundle.dsseEnvelope, `${where}.dsseEnvelope`, source);
  const material = bundle.verificationMaterial;
  const leaf = material?.certificate?.rawBytes ?? material?.x509CertificateChain?.certificates?.[0]?.rawBytes ?? null;
  const tlog = material?.tlogEntries?.[0];
  return {
    ...inner,
    envelope: "sigstore-bundle",
    keyId: inner.keyId ?? material?.publicKey?.hint ?? null,
    signerIdentity: leaf ? readCertificateIdentity(leaf) : null,
    bundleMediaType: bundle.mediaType ?? null,
    tlogLogIndex: tlog?.logIndex != null ? String(tlog.logIndex) : null,
    // Rekor writes epoch seconds, as a number or as digits.
    integratedTime: toIsoTime(tlog?.integratedTime, { epochSecondsBelow: 1e11, text: "any" }),
  };
}
