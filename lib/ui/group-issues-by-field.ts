import type { FieldIssue } from "../errors/app-error.ts";

/**
 * Field issues from an API error, keyed by top-level field (`scopes.0` counts as `scopes`), so a form
 * can show each message next to its input. Several issues on one field are joined.
 */
export function groupIssuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.field.split(".")[0] ?? issue.field;
    byField[field] = byField[field] ? `${byField[field]}; ${issue.message}` : issue.message;
  }
  return byField;
}
