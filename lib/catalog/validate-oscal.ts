import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const cache = new Map<string, ValidateFunction>();

/**
 * Validates a document against an official OSCAL JSON Schema shipped as test data in
 * lib/catalog/oscal/ (`catalog` 1.1.3, `mapping` 1.2.0, `assessment-results` 1.1.3). Returns the errors, empty
 * when valid.
 */
export function validateOscal(kind: "catalog" | "mapping" | "assessment-results", document: unknown): string[] {
  let validate = cache.get(kind);
  if (!validate) {
    const schema = JSON.parse(
      readFileSync(join(process.cwd(), "lib", "catalog", "oscal", `oscal_${kind}_schema.json`), "utf8"),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
    // ajv-formats is CommonJS: under Node's ESM loader the function sits on `.default`.
    const add = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    add(ajv);
    validate = ajv.compile(schema);
    cache.set(kind, validate);
  }
  return validate(document)
    ? []
    : (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || "/"} ${e.message ?? "invalid"}`);
}
