import type { Database } from "./open-database.ts";

const KEY = Symbol.for("assay.database");

/**
 * The slot on `globalThis` that holds this process's database (see get-database.ts): shared by the
 * server/CLI code and the Next.js bundles loaded into the same process.
 */
export function databaseHolder(): { current?: Promise<Database> | undefined } {
  const g = globalThis as { [KEY]?: { current?: Promise<Database> | undefined } };
  g[KEY] ??= {};
  return g[KEY];
}
