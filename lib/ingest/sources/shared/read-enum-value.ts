import { readString } from "./read-string.ts";

/**
 * An enum value sent short (`high`) or as a full IRI (`…/SafetyRiskAssessmentType/high`, as SPDX 3 allows):
 * the part after the last `/`, cut to 100 characters; null when the value is not a non-blank string.
 */
export function readEnumValue(value: unknown): string | null {
  const text = readString(value);
  return text ? text.slice(text.lastIndexOf("/") + 1).slice(0, 100) : null;
}
