import { closeDatabase } from "../db/close-database.ts";
import { getDatabase } from "../db/get-database.ts";
import type { Database } from "../db/open-database.ts";
import { AppError } from "../errors/app-error.ts";
import { createCliOutput, type CliOutput } from "./cli-output.ts";

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
    reportCliError(error, json);
    process.exitCode =
      error instanceof AppError && (error.code === "validation_failed" || error.code === "bad_request") ? 2 : 1;
  }
}

function reportCliError(error: unknown, json: boolean): void {
  const appError = error instanceof AppError ? error : undefined;
  if (json) {
    const payload = appError
      ? { error: { code: appError.code, message: appError.message, issues: appError.issues } }
      : { error: { code: "internal", message: error instanceof Error ? error.message : String(error) } };
    process.stderr.write(`${JSON.stringify(payload)}\n`);
    return;
  }
  if (appError) {
    process.stderr.write(`error [${appError.code}]: ${appError.message}\n`);
    return;
  }
  process.stderr.write(
    `error [internal]: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}
