import { resolve } from "node:path";
import { DEFAULT_CATALOG_DIR, loadCatalog } from "../catalog/load-catalog.ts";
import type { EvidenceRule } from "../catalog/rule-schema.ts";
import { AppError } from "../errors/app-error.ts";

const cache = new Map<string, readonly EvidenceRule[]>();

/**
 * The evidence rules of the catalog (controls/rules/), in file and rule order, read once per
 * directory and kept (the catalog is data shipped with the release; start-up syncs it the same way).
 * A catalog with problems throws AppError validation_failed listing them, as start-up does: rules
 * pointing at requirements that do not exist are never applied.
 */
export function loadEvidenceRules(
  dir: string = resolve(/* turbopackIgnore: true */ process.cwd(), DEFAULT_CATALOG_DIR),
): readonly EvidenceRule[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const { catalog, problems } = loadCatalog(dir);
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      `The catalog has ${problems.length} problem(s); run \`assay catalog check\`.`,
      problems.map((p) => ({ field: `${p.file}${p.node ? `#${p.node}` : ""}`, message: p.message })),
    );
  }
  const rules = catalog.rules.flatMap((file) => file.rules);
  cache.set(dir, rules);
  return rules;
}
