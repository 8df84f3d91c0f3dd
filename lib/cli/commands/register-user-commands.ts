import type { Command } from "commander";
import { createMember } from "../../members/create-member.ts";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { createApiToken } from "../../tokens/create-api-token.ts";
import { runCommand } from "../run-command.ts";

/** `assay user create …` and `assay token create …`. */
export function registerUserCommands(program: Command): void {
  program
    .command("user")
    .description("people")
    .command("create")
    .description("create a user (or add an existing one) as a member of an organization")
    .requiredOption("--org <slug>", "organization")
    .requiredOption("--email <email>", "email address (the sign-in name)")
    .requiredOption("--role <role>", "admin, compliance, ciso or engineer")
    .option("--name <name>", "display name")
    .option("--password <password>", "password (at least 12 characters); a random one is printed if omitted")
    .option("--json", "print one JSON object")
    .action((opts: { org: string; email: string; role: string; name?: string; password?: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const { org: _org, json: _json, ...input } = opts;
        const member = await createMember(db.prisma, ctx, input);
        out.result(member, () =>
          [
            `${member.newUser ? "Created" : "Added"} ${member.email} as ${member.role} of ${ctx.org.slug}.`,
            ...(member.temporaryPassword ? [`Temporary password (shown once): ${member.temporaryPassword}`] : []),
          ].join("\n"),
        );
      }),
    );

  program
    .command("token")
    .description("API tokens for CI and integrations")
    .command("create")
    .description("issue a scoped API token (shown once)")
    .requiredOption("--org <slug>", "organization")
    .requiredOption("--scopes <scopes>", "comma-separated: evidence:write, read, admin")
    .option("--name <name>", "what the token is for", "cli")
    .option("--expires-days <days>", "expire after this many days")
    .option("--json", "print one JSON object")
    .action((opts: { org: string; scopes: string; name: string; expiresDays?: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const input = {
          name: opts.name,
          scopes: opts.scopes
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          ...(opts.expiresDays !== undefined ? { expiresInDays: Number(opts.expiresDays) } : {}),
        };
        const token = await createApiToken(db.prisma, ctx, input);
        out.result(
          token,
          () => `Token ${token.name} (${token.scopes.join(", ")}) for ${ctx.org.slug}, shown once:\n${token.token}`,
        );
      }),
    );
}
