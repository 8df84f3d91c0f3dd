import type { X509Certificate } from "node:crypto";

export interface CertificateChain {
  signer: X509Certificate;
  /** Signer first, up to the top certificate found. */
  path: X509Certificate[];
  /** Each certificate in the path is signed by the next, and the top one by itself. */
  valid: boolean;
  /** SHA-256 (hex) of the top certificate: the trust anchor to compare. */
  anchorFingerprint: string;
  problem: string | null;
}

const hex = (c: X509Certificate) => c.fingerprint256.replaceAll(":", "").toLowerCase();

/**
 * Pure (no I/O): builds the path from a signing certificate up through the given certificates by issuer
 * and checks every signature on the way, ending at a self-signed certificate. Used for the PDF's
 * embedded certificates and the pack's signing/*.pem alike.
 */
export function readCertificateChain(signer: X509Certificate, others: readonly X509Certificate[]): CertificateChain {
  const path = [signer];
  let problem: string | null = null;
  for (let current = signer; ;) {
    if (current.checkIssued(current) && current.verify(current.publicKey)) break;
    const issuer = others.find((c) => !path.includes(c) && current.checkIssued(c));
    if (!issuer) {
      problem = `no issuer certificate for "${current.subject.replaceAll("\n", ", ")}"`;
      break;
    }
    if (!current.verify(issuer.publicKey)) {
      problem = `the certificate "${current.subject.replaceAll("\n", ", ")}" is not signed by its issuer`;
      break;
    }
    path.push(issuer);
    current = issuer;
    if (path.length > 10) {
      problem = "the certificate chain is longer than 10";
      break;
    }
  }
  const top = path[path.length - 1] ?? signer;
  return { signer, path, valid: problem === null, anchorFingerprint: hex(top), problem };
}
