import { readEnumValue } from "../shared/read-enum-value.ts";
import { readString } from "../shared/read-string.ts";

/** What an SPDX 3 `ai_AIPackage` states, and whether it meets Assay's model-card rule. */
export interface AiPackageAssessment {
  outcome: "pass" | "fail";
  /** What it lacks, in words, empty on pass. */
  missing: string[];
  hasTrainingInformation: boolean;
  hasLimitation: boolean;
  /** `serious` | `high` | `medium` | `low` (SafetyRiskAssessmentType), or null. */
  safetyRiskAssessment: string | null;
  /** PresenceType `yes` | `no` | `noAssertion`, or null. */
  autonomyType: string | null;
  useSensitivePersonalInformation: string | null;
  typeOfModel: string | null;
  standardCompliance: string | null;
  energyConsumptionStated: boolean;
}

/**
 * Assay's rule for an SPDX 3 AI package (AI profile, SPDX 3.0.1 `AI/Classes/AIPackage`). It passes only
 * when the package states BOTH
 * - training information: non-blank `ai_informationAboutTraining`, or at least one `trainedOn`/`testedOn`
 *   relationship from it (`datasetLinks`, counted by the caller);
 * - its limits: non-blank `ai_limitation`, or an `ai_safetyRiskAssessment`.
 * Otherwise it fails, naming what is missing.
 */
export function assessAiPackage(props: Record<string, unknown>, datasetLinks: number): AiPackageAssessment {
  const hasTrainingInformation = readString(props.ai_informationAboutTraining) !== null || datasetLinks > 0;
  const safetyRiskAssessment = readEnumValue(props.ai_safetyRiskAssessment);
  const hasLimitation = readString(props.ai_limitation) !== null;
  const missing: string[] = [];
  if (!hasTrainingInformation) missing.push("training information");
  if (!hasLimitation && safetyRiskAssessment === null) missing.push("limitations or a safety risk assessment");
  return {
    outcome: missing.length === 0 ? "pass" : "fail",
    missing,
    hasTrainingInformation,
    hasLimitation,
    safetyRiskAssessment,
    autonomyType: readEnumValue(props.ai_autonomyType),
    useSensitivePersonalInformation: readEnumValue(props.ai_useSensitivePersonalInformation),
    typeOfModel: joined(props.ai_typeOfModel),
    standardCompliance: joined(props.ai_standardCompliance),
    energyConsumptionStated: stated(props.ai_energyConsumption),
  };
}

/** A value or a reference to one (an inline object with content, or a node id). */
function stated(v: unknown): boolean {
  if (v !== null && typeof v === "object") return Object.keys(v).length > 0;
  return readString(v) !== null;
}

function joined(v: unknown): string | null {
  const list = typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  const s = list.join(", ");
  return s === "" ? null : s.slice(0, 500);
}
