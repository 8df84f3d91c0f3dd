import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { AppError } from "../../errors/app-error.ts";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { generateReport } from "../../reports/generate-report.ts";
import { getReport } from "../../reports/get-report.ts";
import { getReportPdf } from "../../reports/get-report-pdf.ts";
import { requestReport } from "../../reports/request-report.ts";
import { writeAuditPack } from "../../reports/write-audit-pack.ts";
import type { Database } from "../../db/open-database.ts";
import type { CliOutput } from "../cli-output.ts";
import { runCommand } from "../run-command.ts";

interface ScopeOptions {
  org: string;
  system?: string[];
  framework?: string[];
  report?: string;
  out: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Creates a report for the scope and generates it in this process, printing progress to stderr. */
async function createReportInline(db: Database, out: CliOutput, opts: ScopeOptions) {
  const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
  const requested = await requestReport(
    db.prisma,
    ctx,
    { ...(opts.system ? { systems: opts.system } : {}), ...(opts.framework ? { frameworks: opts.framework } : {}) },
    { inline: true },
  );
  out.info(`Report ${requested.id}: generating…`);
  const done = await generateReport(db.prisma, requested.id);
  const report = await getReport(db.prisma, ctx, requested.id);
  if (done.status !== "done")
    throw new AppError("internal", `Report ${report.id} failed: ${report.error ?? "unknown"}`);
  return { ctx, report };
}

/** Writes through a temporary file so a failure never leaves a partial file at the destination. */
async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** `assay report create` and `assay pack create`: signed reports and audit packs from the command line. */
export function registerReportCommands(program: Command): void {
  const report = program.command("report").description("signed PDF readiness reports");
  report
    .command("create")
    .description("generate and sign a report of the latest readiness snapshot for a scope")
    .requiredOption("--org <slug>", "organization")
    .option("--system <id>", "an AI system to cover (repeat for more; default all)", collect)
    .option("--framework <id>", "a framework to cover (repeat for more; default all)", collect)
    .requiredOption("--out <file.pdf>", "where to write the signed PDF")
    .option("--json", "print the report's summary as JSON")
    .action((opts: ScopeOptions) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const { ctx, report: made } = await createReportInline(db, out, opts);
        const pdf = await getReportPdf(db.prisma, ctx, made.id);
        await writeAtomically(opts.out, (tmp) => writeFile(tmp, pdf.bytes));
        out.result(made, () =>
          [
            `Wrote ${opts.out} (${made.pageCount ?? "?"} pages, ${pdf.bytes.length} bytes)`,
            `  report ${made.id}, snapshot ${made.snapshotId}`,
            `  sha256 ${made.sha256}`,
            `  signed by ${made.signerSubject} (root SHA-256 ${made.signerFingerprint})`,
          ].join("\n"),
        );
      }),
    );
  const pack = program.command("pack").description("audit packs (ZIP) for auditors");
  pack
    .command("create")
    .description("write the audit pack of a report (or of a new report for the scope)")
    .requiredOption("--org <slug>", "organization")
    .option("--report <id>", "an existing finished report (default: generate a new one)")
    .option("--system <id>", "with a new report: an AI system to cover (repeat for more)", collect)
    .option("--framework <id>", "with a new report: a framework to cover (repeat for more)", collect)
    .requiredOption("--out <file.zip>", "where to write the ZIP")
    .option("--json", "print a JSON summary")
    .action((opts: ScopeOptions) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        if (opts.report && (opts.system || opts.framework)) {
          throw new AppError(
            "bad_request",
            "--report takes an existing report's scope: leave out --system/--framework.",
          );
        }
        const made = opts.report ? null : await createReportInline(db, out, opts);
        const ctx = made?.ctx ?? (await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org));
        const reportId = made?.report.id ?? opts.report ?? "";
        let written = { files: 0, evidence: 0 };
        await writeAtomically(opts.out, async (tmp) => {
          written = await writeAuditPack(db.prisma, ctx, reportId, createWriteStream(tmp));
        });
        out.result(
          { reportId, out: opts.out, ...written },
          () => `Wrote ${opts.out}: report ${reportId}, ${written.files} files (${written.evidence} evidence)`,
        );
      }),
    );
}
