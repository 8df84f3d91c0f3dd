import type { Command } from "commander";
import { resolveOrgContext } from "../../orgs/resolve-org-context.ts";
import { computeReadiness } from "../../readiness/compute-readiness.ts";
import { toReadinessOverview } from "../../readiness/to-readiness-overview.ts";
import { runCommand } from "../run-command.ts";

interface ScoreOptions {
  org: string;
  system?: string;
  asOf?: string;
  full?: boolean;
  json?: boolean;
}

const pct = (score: number | null) => (score === null ? "n/a" : `${score.toFixed(1)}%`);

/** `assay score`: the readiness numbers the dashboard shows, computed the same way. */
export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description("an organization's readiness (per framework, system and Zero Trust pillar), as the dashboard shows it")
    .requiredOption("--org <slug>", "organization")
    .option("--system <id>", "one AI system only")
    .option("--as-of <date>", "a date YYYY-MM-DD (end of that day, UTC) or an ISO date-time; default now")
    .option("--full", "with --json: every requirement's status and explanation")
    .option("--json", "print one JSON object")
    .action((opts: ScoreOptions) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const ctx = await resolveOrgContext(db.prisma, { kind: "cli" }, opts.org);
        const result = await computeReadiness(db.prisma, ctx, { asOf: opts.asOf, system: opts.system });
        const overview = toReadinessOverview(result);
        out.result(opts.full ? result : overview, () =>
          [
            `${ctx.org.name}: ${pct(overview.score)} ready as of ${overview.asOf}`,
            ...Object.entries(overview.frameworks).map(
              ([id, t]) => `  ${id.padEnd(16)} ${pct(t.score).padStart(7)}  ${JSON.stringify(t.counts)}`,
            ),
            ...overview.systems.map((s) => `  system ${s.name}: ${pct(s.score)}`),
            ...overview.pillars.map((p) => `  pillar ${p.ref}: ${p.stage} (${pct(p.score)})`),
            ...overview.gaps.slice(0, 5).map((g) => `  gap ${g.ref} ${g.title}: +${g.gain} points`),
          ].join("\n"),
        );
      }),
    );
}
