import type { Command } from "commander";
import { createOrganization } from "../../orgs/create-organization.ts";
import { listOrganizations } from "../../orgs/list-organizations.ts";
import { runCommand } from "../run-command.ts";

/** `assay org create <slug> [--name N]`, `assay org list`. */
export function registerOrgCommands(program: Command): void {
  const org = program.command("org").description("organizations (tenants)");
  org
    .command("create")
    .description("create an organization")
    .argument("<slug>", "URL name: lower-case letters, digits, inner hyphens")
    .option("--name <name>", "display name (defaults to the slug)")
    .option("--json", "print one JSON object")
    .action((slug: string, opts: { name?: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const created = await createOrganization(
          db.prisma,
          { kind: "cli" },
          { slug, ...(opts.name !== undefined ? { name: opts.name } : {}) },
        );
        out.result(created, () => `Created organization ${created.slug} (${created.name}), id ${created.id}`);
      }),
    );
  org
    .command("list")
    .description("list organizations")
    .option("--json", "print one JSON object")
    .action((opts: { json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const orgs = await listOrganizations(db.prisma);
        out.result({ organizations: orgs }, () =>
          orgs.length === 0
            ? "No organizations yet."
            : orgs.map((o) => `${o.slug}\t${o.name}\t${o.members} members`).join("\n"),
        );
      }),
    );
}
