import type { Command } from "commander";
import { listSystemObligations } from "../../applicability/list-system-obligations.ts";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { createAiSystem } from "../../systems/create-ai-system.ts";
import { listAiSystems } from "../../systems/list-ai-systems.ts";
import { runCommand } from "../run-command.ts";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface CreateOptions {
  org: string;
  name: string;
  role: string[];
  risk?: string;
  annexIii?: string;
  purpose: string;
  owner: string;
  lifecycle: string;
  placedOnMarket?: string;
  json?: boolean;
}

/** `assay system create|list|obligations`: the AI system register from the command line. */
export function registerSystemCommands(program: Command): void {
  const system = program.command("system").description("the AI system register");
  system
    .command("create")
    .description("register an AI system with the organization's operator role(s) and its risk class")
    .requiredOption("--org <slug>", "organization")
    .requiredOption("--name <name>", "system name (unique in the organization)")
    .option(
      "--role <role>",
      "operator role, repeatable: provider, deployer, importer, distributor, authorised-representative, product-manufacturer",
      collect,
      [],
    )
    .option(
      "--risk <class>",
      "prohibited, high-risk-annex-iii, high-risk-annex-i, limited, minimal, gpai or gpai-systemic (the last two record a general-purpose AI model)",
    )
    .option(
      "--annex-iii <area>",
      'Annex III point, optionally with its letter: "4" or "4(a)" (high-risk-annex-iii only)',
    )
    .option("--purpose <text>", "what it does and for whom", "Not described yet.")
    .option("--owner <owner>", "accountable team or person", "Unassigned")
    .option("--lifecycle <stage>", "planned, development, production or retired", "development")
    .option("--placed-on-market <date>", "date placed on the market or put into service (YYYY-MM-DD)")
    .option("--json", "print one JSON object")
    .action((opts: CreateOptions) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const gpai = opts.risk === "gpai" || opts.risk === "gpai-systemic" ? opts.risk : undefined;
        const created = await createAiSystem(db.prisma, ctx, {
          name: opts.name,
          purpose: opts.purpose,
          owner: opts.owner,
          lifecycle: opts.lifecycle,
          ...(opts.role.length > 0 ? { operatorRoles: opts.role } : {}),
          ...(opts.risk !== undefined ? { riskClass: gpai ? "minimal" : opts.risk } : {}),
          ...(gpai ? { gpai } : {}),
          ...(opts.annexIii !== undefined ? { annexIIIUseCase: opts.annexIii } : {}),
          ...(opts.placedOnMarket !== undefined ? { placedOnMarketAt: opts.placedOnMarket } : {}),
        });
        out.result(
          created,
          () =>
            `Registered ${created.name} (${created.riskClass ?? "unclassified"}; ${created.operatorRoles.join(", ") || "no role"}), id ${created.id}`,
        );
      }),
    );
  system
    .command("list")
    .description("list the organization's AI systems")
    .requiredOption("--org <slug>", "organization")
    .option("--json", "print one JSON object")
    .action((opts: { org: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const systems = await listAiSystems(db.prisma, ctx);
        out.result(
          { systems },
          () =>
            systems
              .map((s) => `${s.id}\t${s.name}\t${s.riskClass ?? "unclassified"}\t${s.operatorRoles.join(",")}`)
              .join("\n") || "No AI systems yet.",
        );
      }),
    );
  system
    .command("obligations")
    .description("which EU AI Act obligations apply to a system, which will apply and when, and which do not")
    .argument("<systemId>", "the system's id")
    .requiredOption("--org <slug>", "organization")
    .option("--as-of <date>", "the date to decide for (YYYY-MM-DD), default today")
    .option("--basis <basis>", "amended (Digital Omnibus dates) or original (Art. 113 dates)", "amended")
    .option("--json", "print one JSON object")
    .action((systemId: string, opts: { org: string; asOf?: string; basis: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const result = await listSystemObligations(db.prisma, ctx, systemId, { asOf: opts.asOf, basis: opts.basis });
        const basis = result.basis;
        out.result(result, () =>
          [
            `${result.system.name} on ${result.asOf} (${basis} dates): ${result.applies.length} apply, ${result.upcoming.length} upcoming, ${result.notApplicable.length} not applicable.`,
            ...result.applies.map((o) => `  applies   ${o.ref.padEnd(16)} ${o.title}`),
            ...result.upcoming.map(
              (o) => `  from ${o.effectiveFrom ?? "?"} ${o.ref.padEnd(16)} ${o.title} (${o.daysLeft ?? "?"} days)`,
            ),
          ].join("\n"),
        );
      }),
    );
}
