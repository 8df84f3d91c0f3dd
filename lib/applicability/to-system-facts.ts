import type { AiSystemSummary } from "../systems/to-ai-system-summary.ts";
import type { SystemFacts } from "./system-facts.ts";

/**
 * The facts the applicability engine needs, from a system's record; or why the EU AI Act's
 * obligations cannot be decided for it (not classified yet, or not an AI system under Art. 3(1)).
 */
export function toSystemFacts(system: AiSystemSummary): { facts: SystemFacts } | { unknown: string } {
  if (system.riskClass === null || system.operatorRoles.length === 0) {
    return { unknown: "the system is not classified yet: classify it to see which obligations apply" };
  }
  const record = system.classification as { result?: { inScope?: boolean } } | null;
  if (record?.result?.inScope === false) {
    return { unknown: "the system is not an AI system under Art. 3(1), so the AI Act does not apply" };
  }
  return {
    facts: {
      roles: system.operatorRoles,
      riskClass: system.riskClass,
      gpai: system.gpai,
      conditions: system.conditions,
      placedOnMarketAt: system.placedOnMarketAt,
    },
  };
}
