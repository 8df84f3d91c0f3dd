import type { ExpectationVerdict, ReadinessStatus } from "./scoring-types.ts";

/**
 * Pure: a requirement's status from the verdicts of its expectations. Any failing expectation fails
 * it; all met meets it; some met is partial; otherwise stale if any evidence expired, else missing.
 */
export function combineVerdicts(
  verdicts: readonly ExpectationVerdict[],
): Extract<ReadinessStatus, "met" | "partial" | "failing" | "stale" | "missing"> {
  if (verdicts.includes("failing")) return "failing";
  if (verdicts.length > 0 && verdicts.every((v) => v === "met")) return "met";
  if (verdicts.includes("met")) return "partial";
  if (verdicts.includes("stale")) return "stale";
  return "missing";
}
