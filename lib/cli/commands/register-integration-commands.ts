import type { Command } from "commander";
import { createIntegration } from "../../integrations/create-integration.ts";
import { rotateIntegrationSecret } from "../../integrations/rotate-integration-secret.ts";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { runCommand } from "../run-command.ts";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface CreateOptions {
  org: string;
  source: string;
  name?: string;
  scheme?: string;
  secret?: string;
  system?: string;
  allow: string[];
  maxBodyBytes?: string;
  json?: boolean;
}

/** `assay integration create|rotate`: evidence senders and their secrets. */
export function registerIntegrationCommands(program: Command): void {
  const integration = program.command("integration").description("evidence senders (webhooks and CI uploads)");
  integration
    .command("create")
    .description("create an integration: prints its URL and its secret (shown once)")
    .requiredOption("--org <slug>", "organization")
    .requiredOption("--source <kind>", "source kind, e.g. mlflow, github, garak (see the README)")
    .option("--name <name>", "a name unique in the organization")
    .option("--scheme <scheme>", "override the source's default scheme, e.g. ci-oidc for uploads from CI")
    .option("--secret <secret>", "use this secret (schemes whose sender lets you choose one)")
    .option("--system <systemId>", "the AI system this evidence is about")
    .option("--allow <owner/repo>", "repository or project allowed to upload with CI OIDC (repeatable)", collect, [])
    .option("--max-body-bytes <n>", "body size limit for this integration (default 5 MiB)")
    .option("--json", "print one JSON object")
    .action((opts: CreateOptions) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const maxBodyBytes = opts.maxBodyBytes === undefined ? undefined : Number(opts.maxBodyBytes);
        const created = await createIntegration(db.prisma, ctx, {
          source: opts.source,
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.scheme ? { scheme: opts.scheme } : {}),
          ...(opts.secret !== undefined ? { secret: opts.secret } : {}),
          ...(opts.system ? { systemId: opts.system } : {}),
          ...(opts.allow.length > 0 ? { allowedIdentities: opts.allow } : {}),
          ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
        });
        out.result(created, () =>
          [
            `Integration ${created.name} (${created.source}, ${created.scheme}) created.`,
            `  url:    ${created.url}`,
            created.secret
              ? `  secret: ${created.secret}   (shown once: configure the sender now)`
              : "  no secret: CI OIDC",
            ...(created.token ? [`  token:  ${created.token}   (bearer access token, shown once)`] : []),
          ].join("\n"),
        );
      }),
    );
  integration
    .command("rotate <id>")
    .description("issue a new secret; the current one keeps verifying for the overlap window")
    .requiredOption("--org <slug>", "organization the integration belongs to")
    .option("--overlap-hours <h>", "hours the current secret keeps verifying", "24")
    .option("--json", "print one JSON object")
    .action((id: string, opts: { org: string; overlapHours: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const rotated = await rotateIntegrationSecret(db.prisma, ctx, id, { overlapHours: Number(opts.overlapHours) });
        out.result(rotated, () =>
          [
            `New secret for ${rotated.name}: ${rotated.secret ?? ""}   (shown once)`,
            ...(rotated.token ? [`New bearer token: ${rotated.token}`] : []),
            `The previous secret verifies until ${rotated.previousValidUntil}.`,
          ].join("\n"),
        );
      }),
    );
}
