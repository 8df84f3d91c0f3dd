import { AppError } from "../errors/app-error.ts";
import { toStorageInputError } from "../errors/to-storage-input-error.ts";

/**
 * How every `assay` command fails: `error [code]: message` on stderr (one JSON object with --json,
 * with the offending fields), exit code 2 for bad input and 1 otherwise. Never a stack trace for an
 * AppError; an unexpected error shows its stack so it can be reported.
 */
export function failCliCommand(error: unknown, json: boolean): void {
  const appError = error instanceof AppError ? error : (toStorageInputError(error) ?? undefined);
  if (json) {
    const payload = appError
      ? { error: { code: appError.code, message: appError.message, issues: appError.issues } }
      : { error: { code: "internal", message: error instanceof Error ? error.message : String(error) } };
    process.stderr.write(`${JSON.stringify(payload)}\n`);
  } else if (appError) {
    process.stderr.write(`error [${appError.code}]: ${appError.message}\n`);
  } else {
    process.stderr.write(
      `error [internal]: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = appError && (appError.code === "validation_failed" || appError.code === "bad_request") ? 2 : 1;
}
