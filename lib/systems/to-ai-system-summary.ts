import { GPAI_KINDS, RISK_CLASSES, type GpaiKind, type RiskClass } from "../applicability/system-facts.ts";
import { CONDITIONS, OPERATOR_ROLES, type Condition, type OperatorRole } from "../catalog/catalog-vocabulary.ts";
import type { AiSystem } from "../db/generated/client.ts";

export interface AiSystemSummary {
  id: string;
  name: string;
  purpose: string;
  owner: string;
  lifecycle: string;
  operatorRoles: OperatorRole[];
  riskClass: RiskClass | null;
  annexIIIUseCase: string | null;
  gpai: GpaiKind;
  conditions: Condition[];
  placedOnMarketAt: string | null;
  classification: unknown;
  classifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The JSON shape of an AI system in API responses and CLI output. */
export function toAiSystemSummary(system: AiSystem): AiSystemSummary {
  return {
    id: system.id,
    name: system.name,
    purpose: system.purpose,
    owner: system.owner,
    lifecycle: system.lifecycle,
    operatorRoles: system.operatorRoles.filter((r): r is OperatorRole =>
      (OPERATOR_ROLES as readonly string[]).includes(r),
    ),
    riskClass: (RISK_CLASSES as readonly string[]).includes(system.riskClass ?? "")
      ? (system.riskClass as RiskClass)
      : null,
    annexIIIUseCase: system.annexIIIUseCase,
    gpai: (GPAI_KINDS as readonly string[]).includes(system.gpai) ? (system.gpai as GpaiKind) : "none",
    conditions: system.conditions.filter((c): c is Condition => (CONDITIONS as readonly string[]).includes(c)),
    placedOnMarketAt: system.placedOnMarketAt?.toISOString().slice(0, 10) ?? null,
    classification: system.classification,
    classifiedAt: system.classifiedAt?.toISOString() ?? null,
    createdAt: system.createdAt.toISOString(),
    updatedAt: system.updatedAt.toISOString(),
  };
}
