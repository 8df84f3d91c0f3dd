import type { FieldIssue } from "../errors/app-error.ts";

/** The subset of FormData the wizard reads (so tests can pass a plain FormData or a stub). */
export interface FormValues {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/** The wizard's boolean questions, by the API's field name (checkboxes, or yes/no radios valued "yes"). */
export const BOOLEAN_ANSWERS = [
  "isAiSystem",
  "annexIProduct",
  "profiling",
  "interactsWithPersons",
  "generatesSyntheticContent",
  "emotionRecognitionOrBiometricCategorisation",
  "deepFake",
  "publicInterestText",
  "providesGpaiModel",
  "designatedSystemicRisk",
  "publicBodyOrPublicService",
  "employer",
  "decisionsAboutPersons",
  "financialInstitution",
] as const;

/** Questions whose value is one of several strings, or none (the empty string sends null). */
const CHOICE_ANSWERS = ["prohibitedPractice", "annexIIIUseCase", "derogation"] as const;

export interface ClassificationRequest {
  operatorRoles: string[];
  placedOnMarketAt: string | null;
  answers: Record<string, boolean | string | number | null>;
}

function text(values: FormValues, name: string): string {
  const value = values.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The body of PUT /api/v1/orgs/<org>/systems/<id>/classification from the wizard's form, plus the
 * problems that can only be caught here (a training compute that is not a number). Everything else
 * is left to the API, whose field errors the wizard shows.
 */
export function toClassificationRequest(values: FormValues): { body: ClassificationRequest; problems: FieldIssue[] } {
  const problems: FieldIssue[] = [];
  const answers: ClassificationRequest["answers"] = {};
  for (const name of BOOLEAN_ANSWERS) answers[name] = values.get(name) === "yes" || values.get(name) === "on";
  for (const name of CHOICE_ANSWERS) answers[name] = text(values, name) || null;
  const flop = text(values, "trainingComputeFlop").replace(/[\s_,]/g, "");
  if (flop === "") answers.trainingComputeFlop = null;
  else if (Number.isFinite(Number(flop)) && Number(flop) >= 0) answers.trainingComputeFlop = Number(flop);
  else {
    answers.trainingComputeFlop = null;
    problems.push({ field: "trainingComputeFlop", message: "must be a non-negative number such as 3e24" });
  }
  return {
    body: {
      operatorRoles: values.getAll("operatorRoles").filter((r): r is string => typeof r === "string"),
      placedOnMarketAt: text(values, "placedOnMarketAt") || null,
      answers,
    },
    problems,
  };
}

/**
 * Field issues keyed by the wizard's field names: `answers.employer` -> `employer`, `operatorRoles.0`
 * -> `operatorRoles`. Several issues on one field are joined.
 */
export function issuesByWizardField(issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.field.startsWith("answers.") ? issue.field.slice("answers.".length) : issue.field;
    const field = path.split(".")[0] ?? path;
    out[field] = out[field] ? `${out[field]}; ${issue.message}` : issue.message;
  }
  return out;
}
