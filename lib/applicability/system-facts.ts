import type { Condition, OperatorRole } from "../catalog/catalog-vocabulary.ts";

/** Risk classes of the EU AI Act as Assay records them for a system. */
export const RISK_CLASSES = ["prohibited", "high-risk-annex-iii", "high-risk-annex-i", "limited", "minimal"] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Whether the organization provides a general-purpose AI model with (or as) this system. */
export const GPAI_KINDS = ["none", "gpai", "gpai-systemic"] as const;
export type GpaiKind = (typeof GPAI_KINDS)[number];

/** What the applicability engine needs to know about a system: plain data, no database. */
export interface SystemFacts {
  /** The organization's operator role(s) for this system. */
  roles: readonly OperatorRole[];
  riskClass: RiskClass;
  gpai: GpaiKind;
  /** Facts that narrow requirements (see CONDITIONS), as recorded by the classification wizard. */
  conditions: readonly Condition[];
  /** When it was placed on the market or put into service; null if not yet. */
  placedOnMarketAt: string | null;
}
