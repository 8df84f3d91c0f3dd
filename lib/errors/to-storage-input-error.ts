import { AppError } from "./app-error.ts";

/**
 * PostgreSQL's answers to a value it cannot store, by SQLSTATE: a NUL character or an unpaired
 * surrogate in text or JSON, a date or time out of its range, a value too long for an index.
 */
const UNSTORABLE: Record<string, string> = {
  "22021": "it contains a NUL character or bytes that are not valid UTF-8",
  "22P05": "it contains a character JSON in the database cannot hold (NUL or an unpaired surrogate)",
  "22P02": "it contains text the database cannot read (for example an unpaired surrogate in JSON)",
  "22008": "a date or time is out of range",
  "22009": "a time zone offset is out of range",
  "22007": "a date or time is not valid",
  "54000": "a value is too long to be indexed",
};

function sqlStateOf(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 4) return null;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    meta?: unknown;
    cause?: unknown;
    driverAdapterError?: unknown;
  };
  for (const code of [e.originalCode, e.code]) if (typeof code === "string" && code in UNSTORABLE) return code;
  return sqlStateOf(e.meta, depth + 1) ?? sqlStateOf(e.driverAdapterError, depth + 1) ?? sqlStateOf(e.cause, depth + 1);
}

/**
 * Pure: a database error caused by the input (a value PostgreSQL cannot store) as the validation error
 * it is, 422 with a message that says what kind of value; null for any other error. The statement
 * failed, so nothing was stored; the caller's transaction rolls back as usual.
 */
export function toStorageInputError(error: unknown): AppError | null {
  const code = sqlStateOf(error);
  if (!code) return null;
  return new AppError(
    "validation_failed",
    `A value in the request cannot be stored: ${UNSTORABLE[code] ?? "invalid"}.`,
    [{ field: "(body)", message: UNSTORABLE[code] ?? "cannot be stored" }],
  );
}
