import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it } from "vitest";
import { createSigningIdentity } from "./create-signing-identity.ts";
import { signPdf } from "./sign-pdf.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-sign-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function samplePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: "A4",
      info: { Title: "Sign test", CreationDate: new Date("2026-11-24T00:00:00Z") },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text("Assay readiness report (signature test)");
    doc.addPage().text("Second page");
    doc.end();
  });
}

/** pdfsig exits 0 even on a digest mismatch: its output is what counts. */
const pdfsig = (file: string, nssDir?: string) => {
  try {
    return execFileSync("pdfsig", [...(nssDir ? ["-nssdir", nssDir] : []), file], { encoding: "utf8" });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
};

describe("signPdf with pdfsig (poppler) as the judge", () => {
  const identity = createSigningIdentity("Acme Corp", new Date("2026-11-24T00:00:00Z"));
  const meta = {
    reason: "Assay readiness report",
    name: "Acme Corp",
    location: "Assay",
    contactInfo: "compliance@acme.test",
    signingTime: new Date("2026-11-24T12:00:00Z"),
  };

  it("signs the whole file: pdfsig reports a valid signature over the total document", async () => {
    const signed = await signPdf(await samplePdf(), identity, meta);
    const file = join(dir, "signed.pdf");
    writeFileSync(file, signed);
    const out = pdfsig(file);
    expect(out).toContain("Signature is Valid.");
    expect(out).toContain("Total document signed");
    expect(out).toContain("Acme Corp (Assay report signing)");
  });

  it("reports any change to the signed bytes", async () => {
    const signed = await signPdf(await samplePdf(), identity, meta);
    const text = signed.toString("latin1");
    const at = text.indexOf("Second page") >= 0 ? text.indexOf("/Title") : 200;
    const tampered = Buffer.from(signed);
    tampered[at + 2] = (tampered[at + 2] ?? 0) ^ 0x01;
    const file = join(dir, "tampered.pdf");
    writeFileSync(file, tampered);
    const out = pdfsig(file);
    expect(out).not.toContain("Signature is Valid.");
  });

  it("with the certificate imported into an NSS database, pdfsig reports it trusted", async () => {
    const signed = await signPdf(await samplePdf(), identity, meta);
    const file = join(dir, "trusted.pdf");
    writeFileSync(file, signed);
    const nss = mkdtempSync(join(dir, "nss-"));
    execFileSync("certutil", ["-N", "-d", `sql:${nss}`, "--empty-password"]);
    writeFileSync(join(nss, "cert.pem"), identity.certificatePem);
    execFileSync("certutil", [
      "-A",
      "-d",
      `sql:${nss}`,
      "-n",
      "acme-reports",
      "-t",
      "CT,C,C",
      "-i",
      join(nss, "cert.pem"),
    ]);
    const out = pdfsig(file, nss);
    expect(out).toContain("Signature is Valid.");
    expect(out).toContain("Certificate is Trusted.");
    expect(pdfsig(file)).not.toContain("Certificate is Trusted.");
  });
});
