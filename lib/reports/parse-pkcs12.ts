import { createHash, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { AppError } from "../errors/app-error.ts";

/** A PKCS#12 signing identity, checked: the key, its certificate and the chain above it. */
export interface ParsedPkcs12 {
  subject: string;
  notAfter: string;
  /** Signing certificate first, then its issuers (as far as the file holds them), PEM. */
  chainPem: string;
  /** The top of the chain: what verifiers import as trusted. */
  certificatePem: string;
  fingerprint: string;
  signerFingerprint: string;
  /** The signing key as PKCS#8 PEM (for the audit pack's detached manifest signature). */
  keyPem: string;
}

const invalid = (message: string) =>
  new AppError("validation_failed", `Invalid signing certificate: ${message}`, [{ field: "certificate", message }]);

const sha256Hex = (pem: string) => new X509Certificate(pem).fingerprint256.replaceAll(":", "").toLowerCase();

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string | undefined): forge.pkcs12.Bag[] {
  return type ? (p12.getBags({ bagType: type })[type] ?? []) : [];
}

/**
 * Opens and checks a PKCS#12 file: the passphrase opens it, it holds exactly one RSA private key and
 * the certificate for that key, the certificate is valid at `now` and allowed to sign (digitalSignature
 * or nonRepudiation when it has a key usage). The chain is ordered from the signer up by issuer.
 */
export function parsePkcs12(der: Buffer, passphrase: string, now: Date = new Date()): ParsedPkcs12 {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString("binary")), passphrase);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(
      /mac|password|decrypt/i.test(reason)
        ? "the passphrase does not open this PKCS#12 file"
        : `not a readable PKCS#12 (.p12/.pfx) file (${reason.slice(0, 120)})`,
    );
  }
  const keys = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(p12, forge.pki.oids.keyBag)]
    .map((b) => b.key)
    .filter((k) => k !== undefined && k !== null);
  if (keys.length !== 1) throw invalid(`the file must hold exactly one private key (RSA), it holds ${keys.length}`);
  const key = keys[0] as forge.pki.rsa.PrivateKey;
  if (!key.n) throw invalid("only RSA keys can sign PDF reports");
  const certs = bagsOf(p12, forge.pki.oids.certBag)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined && c !== null);
  const leaf = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
  if (!leaf) throw invalid("no certificate in the file matches its private key");
  if (leaf.validity.notBefore.getTime() > now.getTime()) throw invalid("the certificate is not valid yet");
  if (leaf.validity.notAfter.getTime() <= now.getTime()) throw invalid("the certificate has expired");
  const usage = leaf.getExtension("keyUsage") as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) {
    throw invalid("the certificate's key usage does not allow signing (digitalSignature or nonRepudiation)");
  }
  const chain = [leaf];
  for (let current = leaf; chain.length <= certs.length;) {
    const issuer = certs.find((c) => !chain.includes(c) && c.subject.hash === current.issuer.hash);
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  const pems = chain.map((c) => forge.pki.certificateToPem(c));
  const top = pems[pems.length - 1] ?? pems[0] ?? "";
  const cn = leaf.subject.getField("CN") as { value?: string } | null;
  // node-forge hands back a UTF8String's bytes undecoded; other string types stay as they are.
  const decode = (bytes: string) => {
    try {
      return forge.util.decodeUtf8(bytes);
    } catch {
      return bytes;
    }
  };
  return {
    subject:
      cn?.value !== undefined
        ? decode(cn.value)
        : leaf.subject.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(", "),
    notAfter: leaf.validity.notAfter.toISOString(),
    chainPem: pems.join(""),
    certificatePem: top,
    fingerprint: sha256Hex(top),
    signerFingerprint: createHash("sha256")
      .update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes(), "binary"))
      .digest("hex"),
    keyPem: forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))),
  };
}
