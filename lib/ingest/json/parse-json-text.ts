import { AppError } from "../../errors/app-error.ts";
import { checkJsonDepth } from "./check-json-depth.ts";
import { FORBIDDEN_KEYS, JSON_LIMITS } from "./json-limits.ts";

/**
 * Parses JSON text under Assay's limits: nesting depth (checked before parsing), keys per object and
 * values per document (checked while parsing), and prototype-polluting keys (`__proto__`,
 * `constructor`, `prototype`) dropped from the parsed copy. Malformed JSON and broken limits are a 400
 * that names the problem.
 */
export function parseJsonText(text: string, what = "body"): unknown {
  checkJsonDepth(text, what);
  let values = 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, function reviver(this: unknown, key: string, value: unknown) {
      values++;
      if (values > JSON_LIMITS.maxValues) {
        throw new AppError("bad_request", `The ${what} holds more than ${JSON_LIMITS.maxValues} JSON values.`);
      }
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        if (Object.keys(value).length > JSON_LIMITS.maxKeysPerObject) {
          throw new AppError(
            "bad_request",
            `The ${what} has an object with more than ${JSON_LIMITS.maxKeysPerObject} keys.`,
          );
        }
      }
      return FORBIDDEN_KEYS.has(key) ? undefined : value;
    }) as unknown;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : "parse error";
    throw new AppError("bad_request", `The ${what} is not valid JSON (${reason}).`);
  }
  return parsed;
}
