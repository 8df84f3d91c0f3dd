import type { Command } from "commander";
import { verifyAuditLog } from "../../audit/verify-audit-log.ts";
import { writeLogCheckpoint } from "../../audit/write-log-checkpoint.ts";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { runCommand } from "../run-command.ts";

/** `assay audit verify` and `assay audit checkpoint`: the organization's tamper-evident log. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident log of evidence and changes");
  audit
    .command("verify")
    .description("recompute the organization's log from the database and report the first divergence")
    .requiredOption("--org <slug>", "organization")
    .option("--json", "print one JSON object")
    .action((opts: { org: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const result = await verifyAuditLog(db.prisma, ctx.org.id);
        out.result(result, () =>
          result.ok
            ? `Log of ${ctx.org.slug} verified: ${result.leaves} leaves, ${result.checkpoints} signed checkpoints, every row accounted for.`
            : `Log of ${ctx.org.slug} DIVERGES at ${result.first?.seq === null ? "" : `leaf ${result.first?.seq} `}(${result.first?.kind} ${result.first?.refId ?? ""}): ${result.first?.problem ?? ""}`,
        );
        if (!result.ok) process.exitCode = 1;
      }),
    );
  audit
    .command("checkpoint")
    .description("sign a checkpoint of the organization's log now (the worker does every ten minutes)")
    .requiredOption("--org <slug>", "organization")
    .option("--json", "print one JSON object")
    .action((opts: { org: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const cp = await writeLogCheckpoint(db.prisma, ctx.org.id);
        out.result(cp, () => `Checkpoint at size ${cp.treeSize}, root ${cp.rootHash}, ${cp.createdAt}`);
      }),
    );
}
