import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import { AppError } from "../errors/app-error.ts";

/**
 * placeholder-plain's incremental update points `startxref` at the newline before its `xref` keyword,
 * which qpdf reports ("extraneous whitespace seen before xref"): point it at the keyword itself.
 */
function pointStartxrefAtXref(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const at = text.lastIndexOf("startxref");
  const match = /^startxref\s+(\d+)/.exec(text.slice(at));
  if (at < 0 || !match?.[1]) return pdf;
  const offset = Number(match[1]);
  let fixed = offset;
  while (fixed < pdf.length && (pdf[fixed] === 0x0a || pdf[fixed] === 0x0d || pdf[fixed] === 0x20)) fixed += 1;
  if (fixed === offset || text.slice(fixed, fixed + 4) !== "xref") return pdf;
  return Buffer.concat([
    pdf.subarray(0, at),
    Buffer.from(text.slice(at).replace(/^startxref(\s+)\d+/, `startxref$1${fixed}`), "latin1"),
  ]);
}

/** Room for the PKCS#7 signature (certificate chain included), in bytes. */
const SIGNATURE_LENGTH = 16_384;

/**
 * Signs a finished PDF with a PKCS#12 identity: adds a signature placeholder whose byte range covers
 * the whole file except the signature itself, and fills it with a detached PKCS#7 (adbe.pkcs7.detached)
 * signature, so `pdfsig` reports the total document signed and any later change as a digest mismatch.
 */
export async function signPdf(
  pdf: Buffer,
  identity: { p12: Buffer; passphrase: string },
  meta: { reason: string; name: string; location: string; contactInfo: string; signingTime: Date },
): Promise<Buffer> {
  let withPlaceholder: Buffer;
  try {
    withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: meta.reason,
      name: meta.name,
      location: meta.location,
      contactInfo: meta.contactInfo,
      signingTime: meta.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      appName: "Assay",
    });
  } catch (error) {
    throw new AppError(
      "internal",
      `The PDF could not take a signature: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  withPlaceholder = pointStartxrefAtXref(withPlaceholder);
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase });
  try {
    return await new SignPdf().sign(withPlaceholder, signer, meta.signingTime);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", `The signing certificate could not sign: ${message}`, [
      { field: "certificate", message },
    ]);
  }
}
