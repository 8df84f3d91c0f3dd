/**
 * What the classification wizard stored on a system (`AiSystem.classification`, a JSON column typed
 * `unknown` in the summary): the answers given and the result's reasoning. Anything malformed reads as
 * absent, so an old or hand-edited record never breaks a page.
 */
export interface ClassificationRecord {
  /** The answers as submitted (values kept only when they are booleans, strings, numbers or null). */
  answers: Record<string, boolean | string | number | null>;
  reasoning: string[];
  documentationRequired: string[];
  /** False when the system was found not to be an AI system (Art. 3(1)); null when unknown. */
  inScope: boolean | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function readClassificationRecord(value: unknown): ClassificationRecord {
  const record = isRecord(value) ? value : {};
  const result = isRecord(record.result) ? record.result : {};
  const answers: ClassificationRecord["answers"] = {};
  if (isRecord(record.answers)) {
    for (const [key, v] of Object.entries(record.answers)) {
      if (v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number") answers[key] = v;
    }
  }
  return {
    answers,
    reasoning: strings(result.reasoning),
    documentationRequired: strings(result.documentationRequired),
    inScope: typeof result.inScope === "boolean" ? result.inScope : null,
  };
}
