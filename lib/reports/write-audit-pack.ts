import { createHash, sign } from "node:crypto";
import { PassThrough, Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { OrgContext } from "../auth/actor.ts";
import { createLogProofs } from "../audit/create-log-proofs.ts";
import { writeLogCheckpoint } from "../audit/write-log-checkpoint.ts";
import { exportCatalogDocument } from "../catalog/export-catalog-document.ts";
import { DEFAULT_CATALOG_DIR } from "../catalog/load-catalog.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { PACK_FILES, PACK_FORMAT, type PackFile, type PackManifest } from "./audit-pack-layout.ts";
import { auditPackReadme } from "./audit-pack-readme.ts";
import { createEvidenceReader } from "./create-evidence-reader.ts";
import { evidencePath } from "./evidence-path.ts";
import { getSigningIdentity } from "./get-signing-identity.ts";
import { readAuditEntries } from "./read-audit-entries.ts";
import type { ReportData } from "./report-types.ts";
import { toOscalAssessmentResults } from "./to-oscal-assessment-results.ts";
import { toSha256Sums } from "./to-sha256-sums.ts";

const toJsonLines = (items: readonly unknown[]) => ({
  count: items.length,
  bytes: Buffer.from(items.map((item) => `${JSON.stringify(item)}\n`).join(""), "utf8"),
});
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Passes bytes through and, at the end, records the file's sha256 and size in `files`. */
function hashing(path: string, files: PackFile[]): Transform {
  const hash = createHash("sha256");
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      files.push({ path, sha256: hash.digest("hex"), bytes });
      done();
    },
  });
}

/**
 * Streams a finished report's audit pack as a ZIP into `out`: the signed PDF, the exact report data, every
 * cited evidence file (raw bytes, read in bounded batches and checked against its stored sha256), OSCAL
 * assessment results and catalogs, the audit log entries, the signing certificates, a README, and last
 * `manifest.json` (sha256 and size of every file, scope, snapshot) and `SHA256SUMS`, each with a detached
 * RSA-SHA256 signature by the organization's signing key. Entries are produced lazily one after another,
 * so memory stays bounded whatever the number of evidence files.
 */
export async function writeAuditPack(
  prisma: PrismaClient,
  ctx: OrgContext,
  reportId: string,
  out: Writable,
  now: Date = new Date(),
): Promise<{ files: number; evidence: number }> {
  const report = await prisma.report.findFirst({
    where: { id: requireUuid(reportId, "report"), orgId: ctx.org.id },
    select: { id: true, status: true, pdf: true, sha256: true, data: true, dataSha256: true, createdAt: true },
  });
  if (!report) throw new AppError("not_found", "Report not found.");
  if (report.status !== "done" || !report.pdf || !report.data || !report.sha256 || !report.dataSha256) {
    throw new AppError("conflict", `The report is ${report.status}: an audit pack needs a finished report.`);
  }
  const dataBytes = Buffer.from(report.data);
  if (sha256(dataBytes) !== report.dataSha256 || sha256(Buffer.from(report.pdf)) !== report.sha256) {
    throw new AppError(
      "internal",
      "The stored report does not match its recorded sha256: it was changed after signing.",
    );
  }
  const data = JSON.parse(dataBytes.toString("utf8")) as ReportData;
  const identity = await getSigningIdentity(prisma, ctx.org.id, now);
  const evidence = await createEvidenceReader(prisma, ctx.org.id, data.manifest);
  // A checkpoint that covers everything logged so far, and the proofs of the pack's rows against it.
  const checkpoint = await writeLogCheckpoint(prisma, ctx.org.id, { now });
  const reportEntries = await prisma.auditEntry.findMany({
    where: { orgId: ctx.org.id, targetType: "report", targetId: report.id },
    select: { id: true },
  });
  // Serialized at once: the proof objects (an audit path per evidence file) are not kept alive.
  const proofs = toJsonLines(
    await createLogProofs(
      prisma,
      ctx.org.id,
      { evidenceIds: evidence.entries.map((e) => e.evidenceId), auditIds: reportEntries.map((e) => e.id) },
      BigInt(checkpoint.treeSize),
    ),
  );
  const files: PackFile[] = [];
  const zip = new ZipFile();
  const mtime = report.createdAt;
  const add = (path: string, source: () => Readable | Promise<Readable>) =>
    zip.addReadStreamLazy(path, { mtime }, (cb) => {
      Promise.resolve()
        .then(source)
        .then((stream) => cb(null, stream.pipe(hashing(path, files))))
        .catch((error: unknown) => cb(error, new PassThrough()));
    });
  const addBytes = (path: string, bytes: () => Buffer) => add(path, () => Readable.from([bytes()]));
  const chainCerts = identity.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];

  addBytes(PACK_FILES.readme, () => Buffer.from(auditPackReadme(data, report.id), "utf8"));
  addBytes(PACK_FILES.report, () => Buffer.from(report.pdf ?? new Uint8Array()));
  addBytes(PACK_FILES.reportData, () => dataBytes);
  for (const entry of evidence.entries) {
    add(evidencePath(entry.evidenceId, entry.contentType), async () =>
      Readable.from([await evidence.read(entry.evidenceId)]),
    );
  }
  addBytes(PACK_FILES.assessmentResults, () =>
    Buffer.from(
      JSON.stringify(
        toOscalAssessmentResults(data, { reportId: report.id, dataSha256: report.dataSha256 ?? "" }),
        null,
        2,
      ),
    ),
  );
  for (const f of data.scope.frameworks) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(f.id)) continue;
    addBytes(`oscal/catalogs/${f.id}.json`, () =>
      Buffer.from(JSON.stringify(exportCatalogDocument(DEFAULT_CATALOG_DIR, f.id, "oscal", data.generatedAt), null, 2)),
    );
  }
  let logEntries = 0;
  add(PACK_FILES.auditLog, () =>
    Readable.from(
      readAuditEntries(prisma, ctx.org.id, { reportId: report.id, until: now, onEntry: () => (logEntries += 1) }),
    ),
  );
  addBytes(PACK_FILES.logCheckpoint, () => Buffer.from(`${JSON.stringify(checkpoint, null, 2)}\n`, "utf8"));
  addBytes(PACK_FILES.logProofs, () => proofs.bytes);
  addBytes(PACK_FILES.signer, () => Buffer.from(chainCerts[0] ?? "", "utf8"));
  addBytes(PACK_FILES.chain, () => Buffer.from(identity.chainPem, "utf8"));
  addBytes(PACK_FILES.root, () => Buffer.from(identity.certificatePem, "utf8"));
  let manifestBytes = Buffer.alloc(0);
  let sumsBytes = Buffer.alloc(0);
  zip.addReadStreamLazy(PACK_FILES.manifest, { mtime }, (cb) => {
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      createdAt: now.toISOString(),
      reportId: report.id,
      organization: data.organization,
      snapshot: data.snapshot,
      scope: data.scope,
      report: {
        path: PACK_FILES.report,
        sha256: report.sha256 ?? "",
        dataPath: PACK_FILES.reportData,
        dataSha256: report.dataSha256 ?? "",
      },
      signer: {
        subject: identity.subject,
        fingerprint: identity.fingerprint,
        signerFingerprint: identity.signerFingerprint,
      },
      log: {
        entries: logEntries,
        proofs: proofs.count,
        checkpoint: { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash },
      },
      files: [...files],
    };
    manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
    sumsBytes = Buffer.from(toSha256Sums(files), "utf8");
    cb(null, Readable.from([manifestBytes]));
  });
  zip.addReadStreamLazy(PACK_FILES.manifestSignature, { mtime }, (cb) =>
    cb(null, Readable.from([sign("sha256", manifestBytes, identity.keyPem)])),
  );
  zip.addReadStreamLazy(PACK_FILES.sums, { mtime }, (cb) => cb(null, Readable.from([sumsBytes])));
  zip.addReadStreamLazy(PACK_FILES.sumsSignature, { mtime }, (cb) =>
    cb(null, Readable.from([sign("sha256", sumsBytes, identity.keyPem)])),
  );
  // A failing entry (evidence changed or missing, a catalog that cannot be exported) aborts the pack:
  // the output is destroyed, so no partial ZIP passes for a finished one.
  const failed = new Promise<never>((_, reject) =>
    zip.on("error", (error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      out.destroy(err);
      reject(err);
    }),
  );
  zip.end();
  await Promise.race([pipeline(zip.outputStream, out), failed]);
  return { files: files.length + 4, evidence: evidence.entries.length };
}
