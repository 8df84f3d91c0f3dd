type Severity = "critical" | "high" | "medium" | "low" | "info";

const TAG_SEVERITY: Record<string, Severity> = { CRITICAL: "critical", HIGH: "high", MEDIUM: "medium", LOW: "low" };
const LEVEL_SEVERITY: Record<string, Severity> = { error: "high", warning: "medium", note: "low", none: "info" };

/**
 * The severity of a failing SARIF result, from the most specific signal a tool gives:
 * 1. `properties["security-severity"]` of the result or its rule (the CVSS-like 0..10 number GitHub code
 *    scanning reads): 9 and above critical, 7 high, 4 medium, above 0 low, 0 info;
 * 2. a rule tag naming a severity (`CRITICAL`, `HIGH`, `MEDIUM`, `LOW`, as Trivy tags its rules);
 * 3. the result's `level` (else the rule's `defaultConfiguration.level`, else SARIF's default
 *    `warning`): error high, warning medium, note low, none info.
 */
export function readSarifSeverity(input: {
  level: string;
  resultProperties: Record<string, unknown> | null | undefined;
  ruleProperties: Record<string, unknown> | null | undefined;
}): Severity {
  const score = securitySeverity(input.resultProperties) ?? securitySeverity(input.ruleProperties);
  if (score !== null) {
    if (score >= 9) return "critical";
    if (score >= 7) return "high";
    if (score >= 4) return "medium";
    return score > 0 ? "low" : "info";
  }
  const tags = input.ruleProperties?.tags;
  if (Array.isArray(tags)) {
    for (const tag of tags as unknown[]) {
      const severity = typeof tag === "string" ? TAG_SEVERITY[tag] : undefined;
      if (severity) return severity;
    }
  }
  return LEVEL_SEVERITY[input.level] ?? "medium";
}

function securitySeverity(properties: Record<string, unknown> | null | undefined): number | null {
  const value = properties?.["security-severity"];
  const score = typeof value === "number" ? value : typeof value === "string" ? Number.parseFloat(value) : NaN;
  return Number.isFinite(score) && score >= 0 ? score : null;
}
