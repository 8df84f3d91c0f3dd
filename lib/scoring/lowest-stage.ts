import { MATURITY_STAGE_ORDER, type Stage } from "./scoring-types.ts";

/** The lowest of some stages (a pillar is as mature as its least mature function); traditional when none. */
export function lowestStage(stages: Iterable<Stage>): Stage {
  let lowest: number | null = null;
  for (const s of stages) {
    const i = MATURITY_STAGE_ORDER.indexOf(s);
    lowest = lowest === null ? i : Math.min(lowest, i);
  }
  return MATURITY_STAGE_ORDER[lowest ?? 0] ?? "traditional";
}
