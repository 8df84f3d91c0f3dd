import { createHash, webcrypto, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { checkTrustedRoot } from "./check-trusted-root.ts";
import { readCertificateChain } from "./read-certificate-chain.ts";
import type { Verification, VerifyCheck } from "./verification-types.ts";

// pkijs verifies with WebCrypto; Node's implementation serves (its types differ slightly from the DOM's).
pkijs.setEngine(
  "node",
  new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }) as unknown as pkijs.ICryptoEngine,
);

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const toPem = (der: ArrayBuffer) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")}\n-----END CERTIFICATE-----\n`;

function fail(checks: VerifyCheck[], name: string, detail: string): Verification {
  checks.push({ name, ok: false, detail });
  return { ok: false, kind: "pdf", checks, signer: null };
}

/**
 * Verifies a signed report offline, as `pdfsig` would and more strictly: exactly one signature; its
 * byte range starts at 0, ends at the end of the file and leaves out only the signature itself (so
 * appended or changed bytes fail); the PKCS#7 signature is valid over those bytes (message digest and
 * RSA signature, via pkijs); the signer's certificate chains by signature to a self-signed root; and,
 * when `trustedFingerprint` is given, that root is the one the verifier trusts.
 */
export async function verifyReportPdf(
  pdf: Buffer,
  options: { trustedFingerprint?: string | undefined } = {},
): Promise<Verification> {
  const checks: VerifyCheck[] = [];
  const text = pdf.toString("latin1");
  const ranges = [...text.matchAll(BYTE_RANGE)];
  if (ranges.length !== 1) {
    return fail(checks, "one signature", ranges.length ? `${ranges.length} signatures found` : "the PDF is not signed");
  }
  const [a, b, c, d] = (ranges[0] as RegExpMatchArray).slice(1, 5).map(Number) as [number, number, number, number];
  const whole = a === 0 && b > 0 && c > b && c + d === pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
  checks.push({
    name: "signature covers the whole file",
    ok: whole,
    detail: whole
      ? `bytes 0-${b} and ${c}-${c + d} of ${pdf.length} (all but the signature)`
      : `byte range [${a} ${b} ${c} ${d}] does not span the ${pdf.length}-byte file`,
  });
  if (!whole) return { ok: false, kind: "pdf", checks, signer: null };
  const hex = pdf.subarray(b + 1, c - 1).toString("latin1");
  if (!/^[0-9a-fA-F]*$/.test(hex)) return fail(checks, "signature readable", "the signature is not hex");
  const der = Buffer.from(hex, "hex");
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  let signedData: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
    signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  } catch (error) {
    return fail(
      checks,
      "signature readable",
      `not a PKCS#7 signature (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let verified = false;
  let message = "";
  try {
    const result = await signedData.verify({
      signer: 0,
      data: new Uint8Array(signed).buffer,
      extendedMode: true,
      checkChain: false,
    });
    verified = result.signatureVerified === true;
    message = result.message;
  } catch (error) {
    const e = error as { message?: string };
    message = e.message ?? String(error);
  }
  checks.push({
    name: "PKCS#7 signature valid",
    ok: verified,
    detail: verified
      ? `the signed bytes hash to ${createHash("sha256").update(signed).digest("hex")} as signed`
      : `digest or signature mismatch: ${message || "invalid"}`,
  });
  const certs = (signedData.certificates ?? []).flatMap((cert) =>
    cert instanceof pkijs.Certificate ? [new X509Certificate(toPem(cert.toSchema().toBER(false)))] : [],
  );
  const sid: unknown = signedData.signerInfos[0]?.sid;
  const signerCert =
    certs.find((x) => {
      if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return false;
      return (
        x.serialNumber.toLowerCase().replace(/^0+/, "") ===
        Buffer.from(sid.serialNumber.valueBlock.valueHexView).toString("hex").replace(/^0+/, "")
      );
    }) ?? certs[0];
  if (!signerCert) return fail(checks, "signer certificate", "the signature carries no certificate");
  const chain = readCertificateChain(signerCert, certs);
  checks.push({
    name: "certificate chain",
    ok: chain.valid,
    detail: chain.valid
      ? `${chain.path.map((x) => x.subject.split("\n").find((l) => l.startsWith("CN=")) ?? x.subject).join(" <- ")}`
      : (chain.problem ?? "invalid"),
  });
  if (options.trustedFingerprint) checks.push(checkTrustedRoot(chain.anchorFingerprint, options.trustedFingerprint));
  const subject =
    signerCert.subject
      .split("\n")
      .find((l) => l.startsWith("CN="))
      ?.slice(3) ?? signerCert.subject;
  return {
    ok: checks.every((x) => x.ok),
    kind: "pdf",
    checks,
    signer: {
      subject,
      fingerprint: chain.anchorFingerprint,
      signerFingerprint: signerCert.fingerprint256.replaceAll(":", "").toLowerCase(),
    },
  };
}
