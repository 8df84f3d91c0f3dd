import { z } from "zod";
import { externalIdListSchema, frameworkFileSchema, mappingFileSchema } from "./catalog-schema.ts";
import { ruleFileSchema } from "./rule-schema.ts";

/**
 * JSON Schemas for editors, generated from the zod schemas that `assay catalog check` enforces (so they
 * cannot drift: a test compares them with the files in controls/schema/). Keyed by file name.
 */
export function buildCatalogJsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, title: string): string =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) }, null, 2)}\n`;
  return {
    "framework.schema.json": render(frameworkFileSchema, "Assay catalog framework file (controls/frameworks/*.yaml)"),
    "mapping.schema.json": render(mappingFileSchema, "Assay crosswalk file (controls/mappings/*.yaml)"),
    "external.schema.json": render(externalIdListSchema, "Assay external id list (controls/external/*.yaml)"),
    "rules.schema.json": render(ruleFileSchema, "Assay evidence rule file (controls/rules/*.yaml)"),
  };
}
