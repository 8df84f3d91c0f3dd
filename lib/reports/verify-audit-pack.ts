import { createPublicKey, verify, X509Certificate } from "node:crypto";
import { PACK_FILES, PACK_FORMAT, PACK_SELF_FILES, type PackManifest } from "./audit-pack-layout.ts";
import { checkTrustedRoot } from "./check-trusted-root.ts";
import { readCertificateChain } from "./read-certificate-chain.ts";
import { readPackEntries } from "./read-pack-entries.ts";
import { toSha256Sums } from "./to-sha256-sums.ts";
import { verifyLogProofs } from "./verify-log-proofs.ts";
import type { Verification, VerifyCheck } from "./verification-types.ts";
import { verifyReportPdf } from "./verify-report-pdf.ts";

const CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const certsOf = (pem: Buffer | undefined) =>
  (pem?.toString("utf8").match(CERT) ?? []).map((p) => new X509Certificate(p));

function parseManifest(bytes: Buffer | undefined): PackManifest | string {
  if (!bytes) return "manifest.json is missing";
  try {
    const m = JSON.parse(bytes.toString("utf8")) as PackManifest;
    if (m.format !== PACK_FORMAT) return `unknown format "${String(m.format)}"`;
    if (!Array.isArray(m.files) || !m.report || !m.signer) return "manifest.json lacks files, report or signer";
    return m;
  } catch (error) {
    return `manifest.json is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * Verifies an audit pack offline: safe entry names; the signing certificate chains to the pack's root
 * (and to `trustedFingerprint` when given); `manifest.json` and `SHA256SUMS` carry valid signatures by
 * that certificate and agree; every listed file is present with its sha256 and size, and nothing else
 * is; the report PDF's own signature holds over the whole file, by the same signer; the report data is
 * the one the PDF names.
 */
export async function verifyAuditPack(
  path: string,
  options: { trustedFingerprint?: string | undefined } = {},
): Promise<Verification> {
  const checks: VerifyCheck[] = [];
  const done = (signer: Verification["signer"] = null): Verification => ({
    ok: checks.length > 0 && checks.every((c) => c.ok),
    kind: "pack",
    checks,
    signer,
  });
  let entries: Awaited<ReturnType<typeof readPackEntries>>;
  try {
    entries = await readPackEntries(path);
  } catch (error) {
    checks.push({
      name: "archive readable",
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    });
    return done();
  }
  checks.push({
    name: "archive entries safe",
    ok: entries.problems.length === 0,
    detail: entries.problems.length ? entries.problems.slice(0, 10).join("; ") : `${entries.files.size} files`,
  });
  const manifest = parseManifest(entries.kept.get(PACK_FILES.manifest));
  if (typeof manifest === "string") {
    checks.push({ name: "manifest readable", ok: false, detail: manifest });
    return done();
  }
  const [signerCert] = certsOf(entries.kept.get(PACK_FILES.signer));
  if (!signerCert) {
    checks.push({ name: "signing certificate", ok: false, detail: `${PACK_FILES.signer} is missing or empty` });
    return done();
  }
  const chain = readCertificateChain(signerCert, [
    ...certsOf(entries.kept.get(PACK_FILES.chain)),
    ...certsOf(entries.kept.get(PACK_FILES.root)),
  ]);
  const [root] = certsOf(entries.kept.get(PACK_FILES.root));
  const rootFingerprint = root?.fingerprint256.replaceAll(":", "").toLowerCase() ?? "";
  checks.push({
    name: "certificate chain",
    ok: chain.valid && chain.anchorFingerprint === rootFingerprint && manifest.signer.fingerprint === rootFingerprint,
    detail: chain.valid
      ? `signer chains to ${PACK_FILES.root} (SHA-256 ${rootFingerprint}); manifest names ${manifest.signer.fingerprint}`
      : (chain.problem ?? "invalid"),
  });
  if (options.trustedFingerprint) checks.push(checkTrustedRoot(chain.anchorFingerprint, options.trustedFingerprint));
  const key = createPublicKey(signerCert.publicKey.export({ type: "spki", format: "pem" }));
  for (const [file, sig] of [
    [PACK_FILES.manifest, PACK_FILES.manifestSignature],
    [PACK_FILES.sums, PACK_FILES.sumsSignature],
  ] as const) {
    const bytes = entries.kept.get(file);
    const signature = entries.kept.get(sig);
    const ok = Boolean(bytes && signature && verify("sha256", bytes, key, signature));
    checks.push({ name: `${file} signature`, ok, detail: ok ? `valid (${sig})` : `${sig} does not verify ${file}` });
  }
  const sums = entries.kept.get(PACK_FILES.sums)?.toString("utf8");
  checks.push({
    name: "SHA256SUMS matches the manifest",
    ok: sums === toSha256Sums(manifest.files),
    detail: sums === toSha256Sums(manifest.files) ? `${manifest.files.length} files` : "the two file lists differ",
  });
  const listed = new Set(manifest.files.map((f) => f.path));
  const changed = manifest.files.filter((f) => {
    const actual = entries.files.get(f.path);
    return actual && (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes);
  });
  const missing = manifest.files.filter((f) => !entries.files.has(f.path));
  const extra = [...entries.files.keys()].filter((p) => !listed.has(p) && !PACK_SELF_FILES.includes(p));
  const list = (xs: string[]) => xs.slice(0, 5).join(", ") + (xs.length > 5 ? ` and ${xs.length - 5} more` : "");
  checks.push({
    name: "every file hash",
    ok: changed.length + missing.length + extra.length === 0,
    detail:
      [
        changed.length ? `changed: ${list(changed.map((f) => f.path))}` : "",
        missing.length ? `missing: ${list(missing.map((f) => f.path))}` : "",
        extra.length ? `not in the manifest: ${list(extra)}` : "",
      ]
        .filter(Boolean)
        .join("; ") || `${manifest.files.length} files match their sha256 and size`,
  });
  const evidenceFiles = new Map(
    [...entries.files].flatMap(([path, f]) => {
      const id = /^evidence\/([0-9a-f-]{36})\.[a-z]+$/.exec(path)?.[1];
      return id ? [[id, f.sha256] as const] : [];
    }),
  );
  checks.push(
    verifyLogProofs(
      manifest,
      entries.kept.get(PACK_FILES.logCheckpoint),
      entries.kept.get(PACK_FILES.logProofs),
      evidenceFiles,
    ),
  );
  const pdf = entries.kept.get(manifest.report.path);
  const dataHash = entries.files.get(manifest.report.dataPath)?.sha256;
  checks.push({
    name: "report data",
    ok: dataHash === manifest.report.dataSha256,
    detail: dataHash === manifest.report.dataSha256 ? `sha256 ${dataHash}` : "report data does not match the manifest",
  });
  if (!pdf) {
    checks.push({ name: "report PDF", ok: false, detail: `${manifest.report.path} is missing` });
    return done();
  }
  const pdfResult = await verifyReportPdf(pdf, { trustedFingerprint: rootFingerprint });
  const sameSigner =
    pdfResult.signer?.signerFingerprint === signerCert.fingerprint256.replaceAll(":", "").toLowerCase();
  checks.push({
    name: "report PDF signature",
    ok: pdfResult.ok && sameSigner && entries.files.get(manifest.report.path)?.sha256 === manifest.report.sha256,
    detail: pdfResult.ok
      ? sameSigner
        ? "valid over the whole file, by the pack's signer"
        : "signed by another certificate than the pack's"
      : pdfResult.checks
          .filter((c) => !c.ok)
          .map((c) => `${c.name}: ${c.detail}`)
          .join("; "),
  });
  return done({
    subject: manifest.signer.subject,
    fingerprint: rootFingerprint,
    signerFingerprint: signerCert.fingerprint256.replaceAll(":", "").toLowerCase(),
  });
}
