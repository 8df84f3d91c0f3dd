import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Catalog, CatalogProblem, CatalogSourceFile } from "./catalog-types.ts";
import { checkCatalog } from "./check-catalog.ts";

export const DEFAULT_CATALOG_DIR = "controls";

function listYaml(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listYaml(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Reads every YAML file under the catalog directory and checks it (see checkCatalog). */
export function loadCatalog(dir: string = resolve(/* turbopackIgnore: true */ process.cwd(), DEFAULT_CATALOG_DIR)): {
  catalog: Catalog;
  problems: CatalogProblem[];
} {
  if (!existsSync(dir)) {
    return {
      catalog: { frameworks: [], mappings: [], externals: [], rules: [], digests: [] },
      problems: [{ file: dir, message: "catalog directory does not exist" }],
    };
  }
  const files: CatalogSourceFile[] = listYaml(dir).map((path) => ({
    path: relative(dir, path).split("\\").join("/"),
    bytes: readFileSync(path),
  }));
  return checkCatalog(files);
}
