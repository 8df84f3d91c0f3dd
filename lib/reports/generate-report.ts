import { createHash } from "node:crypto";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { getLogger } from "../log/get-logger.ts";
import { getSigningIdentity } from "./get-signing-identity.ts";
import { loadReportData } from "./load-report-data.ts";
import { renderReportPdf } from "./pdf/render-report-pdf.ts";
import { signPdf } from "./sign-pdf.ts";
import { toReportScope } from "./to-report-scope.ts";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** How often progress is written while rendering (the Reports page polls it). */
const PROGRESS_EVERY_MS = 300;

/**
 * The worker's step for one report: bind the snapshot, build the data (its exact JSON bytes and
 * sha256 are kept), render the PDF with every page naming the report id and that hash, sign it with
 * the organization's identity, then store bytes, hashes and signer with the `report.create` audit entry
 * in one transaction. Progress and stage are written as it goes; a failure marks the report failed
 * with its reason. Running it again for a finished report does nothing.
 */
export async function generateReport(
  prisma: PrismaClient,
  reportId: string,
  now: () => Date = () => new Date(),
): Promise<{ status: "done" | "failed" | "skipped" }> {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    select: { id: true, orgId: true, snapshotId: true, scope: true, status: true },
  });
  if (!report || report.status === "done") return { status: "skipped" };
  let last = 0;
  const progress = async (stage: string, value: number, force = true) => {
    const at = Date.now();
    if (!force && at - last < PROGRESS_EVERY_MS) return;
    last = at;
    await prisma.report.update({ where: { id: reportId }, data: { stage, progress: Math.min(1, value) } });
  };
  try {
    await prisma.report.update({
      where: { id: reportId },
      data: { status: "running", stage: "snapshot", progress: 0.02, startedAt: now(), error: null },
    });
    const generatedAt = now();
    const { data, snapshotId } = await loadReportData(
      prisma,
      { ...report, scope: toReportScope(report.scope) },
      generatedAt,
    );
    await progress("data", 0.1);
    const dataBytes = Buffer.from(JSON.stringify(data), "utf8");
    const dataSha256 = sha256(dataBytes);
    const identity = await getSigningIdentity(prisma, report.orgId, generatedAt);
    let pending: Promise<void> = Promise.resolve();
    const unsigned = await renderReportPdf(
      data,
      { reportId, dataSha256, signer: { subject: identity.subject, fingerprint: identity.fingerprint } },
      (done, total) => {
        pending = pending.then(() => progress("render", 0.1 + 0.75 * (done / Math.max(total, 1)), false));
      },
    );
    await pending;
    await progress("sign", 0.9);
    const pdf = await signPdf(
      unsigned,
      { p12: identity.p12, passphrase: identity.passphrase },
      {
        reason: `Assay readiness report ${reportId} (report data sha256 ${dataSha256})`,
        name: identity.subject,
        location: data.organization.name.slice(0, 100),
        contactInfo: data.organization.slug,
        signingTime: generatedAt,
      },
    );
    const pdfSha256 = sha256(pdf);
    await progress("store", 0.95);
    await prisma.$transaction(async (tx) => {
      await tx.report.update({
        where: { id: reportId },
        data: {
          status: "done",
          stage: "done",
          progress: 1,
          finishedAt: now(),
          snapshotId,
          data: Uint8Array.from(dataBytes),
          dataSha256,
          pdf: Uint8Array.from(pdf),
          sha256: pdfSha256,
          sizeBytes: pdf.length,
          pageCount: (unsigned.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length,
          signingIdentityId: identity.id,
          signerSubject: identity.subject,
          signerFingerprint: identity.fingerprint,
        },
      });
      await recordAuditEntry(tx, {
        orgId: report.orgId,
        actor: { kind: "system" },
        action: "report.create",
        targetType: "report",
        targetId: reportId,
        data: { sha256: pdfSha256, dataSha256, snapshotId, signerFingerprint: identity.fingerprint },
      });
    });
    return { status: "done" };
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The report could not be produced (internal error).";
    getLogger().error({ reportId, err: error instanceof Error ? error.message : String(error) }, "report failed");
    await prisma.report.update({
      where: { id: reportId },
      data: { status: "failed", stage: "failed", error: message },
    });
    return { status: "failed" };
  }
}
