import { z } from "zod";
import { lenientList } from "../shared/lenient-list.ts";
import { lenientString } from "../shared/lenient-string.ts";

/** What a CycloneDX `modelCard` says, and whether it meets Assay's model-card rule (see `assessModelCard`). */
export interface ModelCardAssessment {
  outcome: "pass" | "fail";
  /** What the card lacks, in words, empty on pass. */
  missing: string[];
  hasModelCard: boolean;
  approach: string | null;
  task: string | null;
  architectureFamily: string | null;
  /** Entries of `modelParameters.datasets` (inline datasets or `ref`s). */
  datasets: number;
  technicalLimitations: number;
  performanceTradeoffs: number;
  ethicalConsiderations: number;
  fairnessAssessments: number;
  performanceMetrics: number;
  /** Inline dataset URLs (`datasets[].contents.url`). */
  datasetUrls: string[];
}

const modelCardSchema = z.looseObject({
  modelParameters: z
    .looseObject({
      approach: z.looseObject({ type: lenientString }).nullish().catch(null),
      task: lenientString,
      architectureFamily: lenientString,
      datasets: lenientList,
    })
    .nullish()
    .catch(null),
  quantitativeAnalysis: z.looseObject({ performanceMetrics: lenientList }).nullish().catch(null),
  considerations: z
    .looseObject({
      technicalLimitations: lenientList,
      performanceTradeoffs: lenientList,
      ethicalConsiderations: lenientList,
      fairnessAssessments: lenientList,
    })
    .nullish()
    .catch(null),
});
const datasetUrlSchema = z.looseObject({ contents: z.looseObject({ url: lenientString }).nullish().catch(null) });

/**
 * Assay's rule for a CycloneDX (1.5+) ML-BOM model card. It passes only when the card names BOTH
 * - its data or training: at least one `modelParameters.datasets` entry, or `modelParameters.approach.type`;
 * - its limits: at least one non-empty entry in `considerations.technicalLimitations`,
 *   `performanceTradeoffs`, `ethicalConsiderations` or `fairnessAssessments`.
 * It fails when the model component has no `modelCard`, or the card lacks either (or both) of these.
 * Intended users/use cases, metrics and environmental considerations are recorded but do not count as
 * limitations.
 */
export function assessModelCard(modelCard: unknown): ModelCardAssessment {
  const parsed = modelCard === undefined || modelCard === null ? null : modelCardSchema.safeParse(modelCard);
  const card = parsed?.success ? parsed.data : null;
  const params = card?.modelParameters;
  const considerations = card?.considerations;
  const datasets = params?.datasets ?? [];
  const a = {
    hasModelCard: card !== null,
    approach: blankToNull(params?.approach?.type),
    task: blankToNull(params?.task),
    architectureFamily: blankToNull(params?.architectureFamily),
    datasets: countMeaningful(datasets),
    technicalLimitations: countMeaningful(considerations?.technicalLimitations),
    performanceTradeoffs: countMeaningful(considerations?.performanceTradeoffs),
    ethicalConsiderations: countMeaningful(considerations?.ethicalConsiderations),
    fairnessAssessments: countMeaningful(considerations?.fairnessAssessments),
    performanceMetrics: countMeaningful(card?.quantitativeAnalysis?.performanceMetrics),
    datasetUrls: datasets.flatMap((d) => {
      const r = datasetUrlSchema.safeParse(d);
      const url = r.success ? r.data.contents?.url : null;
      return url ? [url] : [];
    }),
  };
  const missing: string[] = [];
  if (!a.hasModelCard) missing.push("a model card");
  else {
    if (a.datasets === 0 && a.approach === null) missing.push("its datasets or training approach");
    const limits = a.technicalLimitations + a.performanceTradeoffs + a.ethicalConsiderations + a.fairnessAssessments;
    if (limits === 0) missing.push("its limitations or ethical/fairness considerations");
  }
  return { outcome: missing.length === 0 ? "pass" : "fail", missing, ...a };
}

function blankToNull(s: string | null | undefined): string | null {
  return s && s.trim() !== "" ? s.trim().slice(0, 200) : null;
}

/** Entries that say something: non-blank strings, or objects with at least one non-blank value. */
function countMeaningful(values: unknown[] | null | undefined): number {
  return (values ?? []).filter((v) => {
    if (typeof v === "string") return v.trim() !== "";
    if (v !== null && typeof v === "object") {
      return Object.values(v).some((x) => x !== null && x !== undefined && x !== "");
    }
    return false;
  }).length;
}
