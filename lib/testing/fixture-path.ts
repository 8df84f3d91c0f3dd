import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("./fixtures/", import.meta.url));

/**
 * Absolute path of a shared test fixture: `fixturePath("evidence/garak-report.jsonl")`. The files are
 * copies of the product's shared fixtures (see `fixtures/evidence/SOURCES.md` for where each came from),
 * kept in the repository so that tests run on a fresh clone.
 */
export function fixturePath(relative: string): string {
  return root + relative;
}
