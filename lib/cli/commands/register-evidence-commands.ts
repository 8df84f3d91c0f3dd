import type { Command } from "commander";
import { AppError } from "../../errors/app-error.ts";
import { failCliCommand } from "../fail-cli-command.ts";
import { listEvidence } from "../../evidence/list-evidence.ts";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { runCommand } from "../run-command.ts";
import { createCliOutput } from "../cli-output.ts";
import { pushEvidence } from "../push-evidence.ts";
import { readCiOidcToken } from "../read-ci-oidc-token.ts";

interface PushOptions {
  url: string;
  token?: string;
  source: string;
  system?: string;
  idempotencyKey?: string;
  json?: boolean;
}

/** `assay evidence push`: the CI client (no database: it talks to a running Assay over HTTPS). */
function registerEvidencePush(evidence: Command): void {
  evidence
    .command("push <file>")
    .description("upload a tool's output file from CI (API token, or the job's GitHub/GitLab OIDC token)")
    .requiredOption("--url <base>", "Assay's base URL, e.g. https://assay.example.com")
    .option("--token <token>", "API token with evidence:write (default: ASSAY_TOKEN, else the CI OIDC token)")
    .requiredOption("--source <kind>", "source kind of the file, e.g. garak, trivy, sarif, cyclonedx")
    .option("--system <id>", "the AI system the evidence is about")
    .option("--idempotency-key <key>", "deduplicate re-runs on this key instead of the file's hash")
    .option("--json", "print the endpoint's JSON body")
    .action(async (file: string, opts: PushOptions) => {
      const out = createCliOutput(Boolean(opts.json));
      try {
        const token = opts.token ?? process.env.ASSAY_TOKEN ?? (await readCiOidcToken(opts.url));
        if (!token) {
          throw new AppError(
            "unauthenticated",
            "No credential: pass --token, set ASSAY_TOKEN, or run in CI with an OIDC token.",
          );
        }
        const result = await pushEvidence({
          url: opts.url,
          token,
          source: opts.source,
          file,
          ...(opts.system ? { system: opts.system } : {}),
          ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
        });
        out.result(result, () =>
          [
            `Evidence ${result.evidenceId}${result.duplicate ? " (already received: same result)" : ""}`,
            `  findings: ${result.findings} (${result.failing} failing)`,
            `  requirements: ${result.requirements.length > 0 ? result.requirements.join(", ") : "none (unmapped)"}`,
          ].join("\n"),
        );
      } catch (error) {
        failCliCommand(error, Boolean(opts.json));
      }
    });
}

interface ListOptions {
  org: string;
  integration?: string;
  source?: string;
  system?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

/** `assay evidence push|list`. */
export function registerEvidenceCommands(program: Command): void {
  const evidence = program.command("evidence").description("evidence: upload from CI, list what arrived");
  registerEvidencePush(evidence);
  evidence
    .command("list")
    .description("list an organization's evidence, newest first")
    .requiredOption("--org <slug>", "organization")
    .option("--integration <id>", "only from this integration")
    .option("--source <kind>", "only from this source kind")
    .option("--system <id>", "only about this AI system")
    .option("--limit <n>", "how many (max 200)", "50")
    .option("--cursor <cursor>", "the nextCursor of the previous page")
    .option("--json", "print one JSON object")
    .action((opts: ListOptions) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const page = await listEvidence(db.prisma, ctx, {
          ...(opts.integration ? { integrationId: opts.integration } : {}),
          ...(opts.source ? { source: opts.source } : {}),
          ...(opts.system ? { systemId: opts.system } : {}),
          ...(opts.cursor ? { cursor: opts.cursor } : {}),
          limit: opts.limit,
        });
        out.result(page, () =>
          page.evidence.length === 0
            ? "No evidence."
            : page.evidence
                .map(
                  (e) =>
                    `${e.receivedAt}  ${e.id}  ${e.source.padEnd(22)} ${e.eventType.slice(0, 40).padEnd(40)} findings ${e.findings} (${e.failing} failing)  sha256 ${e.sha256.slice(0, 12)}`,
                )
                .join("\n") + (page.nextCursor ? `\n(more: --cursor ${page.nextCursor})` : ""),
        );
      }),
    );
}
