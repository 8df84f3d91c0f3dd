import { databaseHolder } from "./database-holder.ts";

/** Closes the process-wide database if it was opened (CLI exit, tests). */
export async function closeDatabase(): Promise<void> {
  const holder = databaseHolder();
  const pending = holder.current;
  delete holder.current;
  if (pending) await (await pending).close();
}
