import { createHash } from "node:crypto";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { externalIdListSchema, frameworkFileSchema, mappingFileSchema } from "./catalog-schema.ts";
import type { ExternalIdList, FrameworkFile, MappingFile } from "./catalog-schema.ts";
import type { Catalog, CatalogProblem, CatalogSourceFile } from "./catalog-types.ts";
import { checkCatalogReferences } from "./check-catalog-references.ts";
import { ruleFileSchema, type RuleFile } from "./rule-schema.ts";

const KINDS = [
  { dir: "frameworks/", schema: frameworkFileSchema },
  { dir: "mappings/", schema: mappingFileSchema },
  { dir: "external/", schema: externalIdListSchema },
  { dir: "rules/", schema: ruleFileSchema },
] as const;

function nodeLabel(doc: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  if (typeof list !== "string" || typeof index !== "number" || typeof doc !== "object" || doc === null)
    return undefined;
  const items = (doc as Record<string, unknown>)[list];
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[index];
  if (typeof item !== "object" || item === null) return `${list}[${index}]`;
  const record = item as Record<string, unknown>;
  if (typeof record.id === "string") return record.id;
  if (typeof record.node === "string") return record.node;
  if (typeof record.from === "string" && typeof record.to === "string") return `${record.from} -> ${record.to}`;
  return `${list}[${index}]`;
}

/**
 * Parses and validates every catalog file and the references between them. Pure: files in, catalog
 * and problems out. Each problem names the file and, where there is one, the node. A catalog with
 * problems must not be synced.
 */
export function checkCatalog(files: CatalogSourceFile[]): { catalog: Catalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const catalog: Catalog = { frameworks: [], mappings: [], externals: [], rules: [], digests: [] };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    catalog.digests.push({ path: file.path, sha256: createHash("sha256").update(file.bytes).digest("hex") });
    const kind = KINDS.find((k) => file.path.startsWith(k.dir));
    if (!kind) continue;
    let text: string;
    try {
      text = decoder.decode(file.bytes);
    } catch {
      problems.push({ file: file.path, message: "is not valid UTF-8 (broken text encoding)" });
      continue;
    }
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors)
        problems.push({ file: file.path, message: `YAML: ${error.message.split("\n")[0] ?? ""}` });
      continue;
    }
    const data: unknown = doc.toJS();
    const result = (kind.schema as z.ZodType).safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const node = nodeLabel(data, issue.path);
        problems.push({
          file: file.path,
          ...(node ? { node } : {}),
          message: `${issue.path.map(String).join(".")}: ${issue.message}`,
        });
      }
      continue;
    }
    const from = { file: file.path };
    if (kind.dir === "frameworks/") catalog.frameworks.push({ ...(result.data as FrameworkFile), ...from });
    else if (kind.dir === "mappings/") catalog.mappings.push({ ...(result.data as MappingFile), ...from });
    else if (kind.dir === "rules/") catalog.rules.push({ ...(result.data as RuleFile), ...from });
    else catalog.externals.push({ ...(result.data as ExternalIdList), ...from });
  }
  problems.push(...checkCatalogReferences(catalog));
  return { catalog, problems };
}
