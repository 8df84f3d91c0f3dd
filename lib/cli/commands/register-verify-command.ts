import type { Command } from "commander";
import { verifyFile } from "../../reports/verify-file.ts";
import { createCliOutput } from "../cli-output.ts";
import { failCliCommand } from "../fail-cli-command.ts";

/**
 * `assay verify <file>`: checks a report PDF or an audit pack offline (no database, no network) and
 * prints each check and a verdict. Exit code 0 only when every check holds, 1 when one fails, 2 when
 * the input cannot be used.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command("verify")
    .description("verify a signed report (.pdf) or an audit pack (.zip) offline")
    .argument("<file>", "report.pdf or pack.zip")
    .option("--trust <sha256>", "the SHA-256 fingerprint of the signing root you trust (from Assay's Reports page)")
    .option("--json", "print the checks as JSON")
    .action(async (file: string, opts: { trust?: string; json?: boolean }) => {
      const out = createCliOutput(Boolean(opts.json));
      try {
        const result = await verifyFile(file, { trustedFingerprint: opts.trust });
        out.result(result, () =>
          [
            ...result.checks.map((c) => `${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`),
            result.signer
              ? `signer: ${result.signer.subject}; root SHA-256 ${result.signer.fingerprint}${opts.trust ? "" : " (not compared: pass --trust to pin it)"}`
              : "signer: unknown",
            result.ok
              ? `VERIFIED: ${file} is intact and signed.`
              : `NOT VERIFIED: ${file} failed ${result.checks.filter((c) => !c.ok).length} check(s).`,
          ].join("\n"),
        );
        process.exitCode = result.ok ? 0 : 1;
      } catch (error) {
        failCliCommand(error, Boolean(opts.json));
      }
    });
}
