import type { z } from "zod";
import { AppError, type FieldIssue } from "./app-error.ts";

/**
 * Validates untrusted input (JSON bodies, CLI flags, form fields) against a zod schema and throws
 * a `validation_failed` AppError that names every offending field. Nothing downstream runs on bad input.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "input"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(root)";
    if (issue.code === "unrecognized_keys") {
      return { field: issue.keys.join(", "), message: `unknown field${issue.keys.length > 1 ? "s" : ""}` };
    }
    return { field, message: issue.message };
  });
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  throw new AppError("validation_failed", `Invalid ${what}: ${summary}`, issues);
}
