import { MATURITY_STAGE_ORDER, type ReadinessStatus, type Stage } from "./scoring-types.ts";

/**
 * Pure: the Zero Trust maturity stage of one function from its controls. Each control belongs to the
 * stage it contributes to (initial, advanced, optimal). A function reaches a stage when every
 * applicable control of that stage and of the stages below it is met; a waived control does not count
 * as met here (maturity is earned), a not-applicable one is left out. A function with no applicable
 * control stays traditional. `nextStageGaps` lists the controls of the next stage up that are not met.
 */
export function decideFunctionStage(controls: readonly { id: string; stage: Stage; status: ReadinessStatus }[]): {
  stage: Stage;
  nextStageGaps: string[];
} {
  const applicable = controls.filter((c) => c.status !== "not-applicable");
  if (applicable.length === 0) {
    return { stage: "traditional", nextStageGaps: [] };
  }
  let reached: Stage = "traditional";
  for (const stage of MATURITY_STAGE_ORDER.slice(1)) {
    const gaps = applicable.filter((c) => c.stage === stage && c.status !== "met").map((c) => c.id);
    if (gaps.length > 0) return { stage: reached, nextStageGaps: gaps };
    reached = stage;
  }
  return { stage: reached, nextStageGaps: [] };
}
