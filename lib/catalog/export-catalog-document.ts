import { AppError } from "../errors/app-error.ts";
import { loadCatalog } from "./load-catalog.ts";
import { toOscalCatalog } from "./to-oscal-catalog.ts";
import { toOscalMapping } from "./to-oscal-mapping.ts";
import { validateOscal } from "./validate-oscal.ts";

/**
 * The document `assay catalog export` prints: a framework as an OSCAL catalog or as checked JSON, or a
 * crosswalk as an OSCAL mapping collection. OSCAL output is validated against the official JSON Schema
 * before it is returned, so an invalid document is never handed out.
 */
export function exportCatalogDocument(dir: string, id: string, format: string, lastModified: string): unknown {
  if (format !== "oscal" && format !== "json")
    throw new AppError("validation_failed", `--format must be oscal or json, not "${format}".`, [
      { field: "format", message: "must be oscal or json" },
    ]);
  if (Number.isNaN(Date.parse(lastModified)) || !/(Z|[+-]\d\d:\d\d)$/.test(lastModified)) {
    throw new AppError("validation_failed", "--last-modified must be an ISO 8601 timestamp with a zone.", [
      { field: "last-modified", message: "must be an ISO 8601 timestamp with a zone" },
    ]);
  }
  const { catalog, problems } = loadCatalog(dir);
  if (problems.length > 0)
    throw new AppError(
      "validation_failed",
      `The catalog has ${problems.length} problem(s); run \`assay catalog check\`.`,
    );
  const framework = catalog.frameworks.find((f) => f.framework.id === id);
  const mapping = catalog.mappings.find((m) => m.mapping.id === id);
  if (!framework && !mapping) {
    const known = [...catalog.frameworks.map((f) => f.framework.id), ...catalog.mappings.map((m) => m.mapping.id)];
    throw new AppError("not_found", `No framework or mapping "${id}". Known: ${known.join(", ") || "none"}.`);
  }
  if (format === "json") {
    const { file: _file, ...data } = framework ?? mapping ?? {};
    return data;
  }
  const document = framework
    ? toOscalCatalog(framework, lastModified)
    : toOscalMapping(mapping!, catalog, lastModified);
  const errors = validateOscal(framework ? "catalog" : "mapping", document);
  if (errors.length > 0)
    throw new AppError("internal", `The OSCAL export of ${id} does not validate: ${errors.join("; ")}`);
  return document;
}
