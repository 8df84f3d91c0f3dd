import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import { AppError } from "../errors/app-error.ts";

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
