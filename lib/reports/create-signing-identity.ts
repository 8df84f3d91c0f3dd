import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export interface SigningIdentity {
  /** PKCS#12 with the signing key, its certificate and the organization's root, encrypted with `passphrase`. */
  p12: Buffer;
  passphrase: string;
  /** The organization's root certificate: what a verifier imports as trusted (`certutil -t "CT,C,C"`). */
  certificatePem: string;
  /** The signing (leaf) certificate. */
  signerPem: string;
  /** SHA-256 of the root certificate (DER), hex: how people recognise it. */
  fingerprint: string;
  subject: string;
  notAfter: string;
}

function newKey(): { key: forge.pki.rsa.PrivateKey; pub: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 3072 });
  return {
    key: forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString()),
    pub: forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString()),
  };
}

/**
 * A subject field as a UTF8String (node-forge encodes it): with its default string type a name beyond
 * Latin-1 (株式会社, Łódź, Ромашка) came out corrupt and its PKCS#12 failed its integrity check.
 */
function utf8Field(name: string, value: string): forge.pki.CertificateField {
  // forge reads valueTagClass as the ASN.1 type tag; @types/node-forge declares it as a tag class.
  return { name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
}

function certificate(pub: forge.pki.PublicKey, subject: forge.pki.CertificateField[], now: Date, years: number) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + years);
  cert.setSubject(subject);
  return cert;
}

/**
 * A per-organization signing identity for reports, used when its admin has not uploaded one: a
 * self-signed root ("<organization> Assay reports root", CA only) and a signing certificate it issues
 * ("<organization> (Assay report signing)": digitalSignature, nonRepudiation, e-mail protection, the
 * purpose NSS checks for document signers). Verifiers trust the root, as they would a company CA.
 * RSA-3072, SHA-256, valid from `now` for `years` years. The PKCS#12 is encrypted with a random
 * passphrase (the caller stores both sealed).
 */
export function createSigningIdentity(organization: string, now: Date = new Date(), years = 5): SigningIdentity {
  const org = organization.slice(0, 64);
  const rootName = [
    utf8Field("commonName", `${organization.slice(0, 40)} Assay reports root`),
    utf8Field("organizationName", org),
  ];
  const subject = `${organization.slice(0, 40)} (Assay report signing)`;
  const root = newKey();
  const rootCert = certificate(root.pub, rootName, now, years);
  rootCert.setIssuer(rootName);
  rootCert.setExtensions([
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  rootCert.sign(root.key, forge.md.sha256.create());
  const leaf = newKey();
  const leafCert = certificate(
    leaf.pub,
    [utf8Field("commonName", subject), utf8Field("organizationName", org)],
    now,
    years,
  );
  leafCert.setIssuer(rootName);
  leafCert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "extKeyUsage", emailProtection: true },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: rootCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leafCert.sign(root.key, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString("base64url");
  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leafCert, rootCert], passphrase, {
    algorithm: "aes256",
    friendlyName: subject,
  });
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(rootCert)).getBytes(), "binary");
  return {
    p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"),
    passphrase,
    certificatePem: forge.pki.certificateToPem(rootCert),
    signerPem: forge.pki.certificateToPem(leafCert),
    fingerprint: createHash("sha256").update(der).digest("hex"),
    subject,
    notAfter: leafCert.validity.notAfter.toISOString(),
  };
}
