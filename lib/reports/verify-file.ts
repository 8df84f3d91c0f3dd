import { open } from "node:fs/promises";
import { readFile } from "node:fs/promises";
import { AppError } from "../errors/app-error.ts";
import type { Verification } from "./verification-types.ts";
import { verifyAuditPack } from "./verify-audit-pack.ts";
import { verifyReportPdf } from "./verify-report-pdf.ts";

/** What `assay verify` checks: a signed report PDF or an audit pack ZIP, told apart by their first bytes. */
export async function verifyFile(
  path: string,
  options: { trustedFingerprint?: string | undefined } = {},
): Promise<Verification> {
  let head: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      head = Buffer.alloc(5);
      await handle.read(head, 0, 5, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new AppError("bad_request", `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (options.trustedFingerprint !== undefined && !/^([0-9a-fA-F]{2}:?){32}$/.test(options.trustedFingerprint)) {
    throw new AppError("validation_failed", "--trust must be a SHA-256 fingerprint (64 hex digits, colons allowed).", [
      { field: "trust", message: "must be a SHA-256 fingerprint" },
    ]);
  }
  if (head.toString("latin1") === "%PDF-") return verifyReportPdf(await readFile(path), options);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return verifyAuditPack(path, options);
  throw new AppError("validation_failed", `${path} is neither a PDF report nor a ZIP audit pack.`, [
    { field: "file", message: "must be a .pdf report or a .zip audit pack" },
  ]);
}
