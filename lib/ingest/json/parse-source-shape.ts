import type { z } from "zod";
import { AppError, type FieldIssue } from "../../errors/app-error.ts";

/**
 * Validates a parsed copy of evidence against a source's (loose) zod schema. A mismatch is
 * `validation_failed` (422: well-formed, but not what this source sends) naming every offending path.
 */
export function parseSourceShape<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.slice(0, 20).map((issue) => ({
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  throw new AppError("validation_failed", `This is not a ${source} payload: ${summary}`, issues);
}
