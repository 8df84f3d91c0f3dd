import { closeDatabase } from "../db/close-database.ts";
import { getDatabase } from "../db/get-database.ts";
import type { Database } from "../db/open-database.ts";
import { createCliOutput, type CliOutput } from "./cli-output.ts";
import { failCliCommand } from "./fail-cli-command.ts";

/**
 * Runs one CLI command against the database with uniform error handling: an AppError prints
 * `error [code]: message` (and each bad field) on stderr and exits 2 for bad input, 1 otherwise.
 */
export async function runCommand(json: boolean, body: (db: Database, out: CliOutput) => Promise<void>): Promise<void> {
  const out = createCliOutput(json);
  try {
    const db = await getDatabase();
    await body(db, out);
    await closeDatabase();
  } catch (error) {
    await closeDatabase().catch(() => undefined);
    failCliCommand(error, json);
  }
}
