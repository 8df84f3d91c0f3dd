import { Command } from "commander";
import { registerAuditCommands } from "./commands/register-audit-commands.ts";
import { registerCatalogCommands } from "./commands/register-catalog-commands.ts";
import { registerDatabaseCommands } from "./commands/register-database-commands.ts";
import { registerEvidenceCommands } from "./commands/register-evidence-commands.ts";
import { registerIntegrationCommands } from "./commands/register-integration-commands.ts";
import { registerWorkerCommand } from "./commands/register-worker-command.ts";
import { registerOrgCommands } from "./commands/register-org-commands.ts";
import { registerSystemCommands } from "./commands/register-system-commands.ts";
import { registerReportCommands } from "./commands/register-report-commands.ts";
import { registerScoreCommand } from "./commands/register-score-command.ts";
import { registerStartCommand } from "./commands/register-start-command.ts";
import { registerUserCommands } from "./commands/register-user-commands.ts";
import { registerVerifyCommand } from "./commands/register-verify-command.ts";

/**
 * Every `assay` command, registered on one commander program that exits through exceptions (so
 * `main` decides the exit code). The CLI permission table (lib/cli/cli-permissions.ts) must list
 * each leaf command; a test walks this program to check it.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name("assay")
    .description("Assay: compliance and governance for AI systems (EU AI Act, Zero Trust for AI)")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerStartCommand(program);
  registerDatabaseCommands(program);
  registerOrgCommands(program);
  registerUserCommands(program);
  registerCatalogCommands(program);
  registerSystemCommands(program);
  registerIntegrationCommands(program);
  registerEvidenceCommands(program);
  registerWorkerCommand(program);
  registerScoreCommand(program);
  registerReportCommands(program);
  registerVerifyCommand(program);
  registerAuditCommands(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}
