import type { OrgContext } from "../auth/actor.ts";
import type { CatalogNode } from "../catalog/catalog-schema.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { toAiSystemSummary, type AiSystemSummary } from "../systems/to-ai-system-summary.ts";
import type { Applicability, DateBasis } from "./decide-applicability.ts";
import { decideSystemApplicability } from "./decide-system-applicability.ts";

export const obligationsQuery = z.strictObject({
  asOf: z.iso.date({ message: "must be a date YYYY-MM-DD" }).default(() => new Date().toISOString().slice(0, 10)),
  basis: z.enum(["amended", "original"], { message: "must be amended or original" }).default("amended"),
});

export interface SystemObligation extends Applicability {
  ref: string;
  title: string;
  roles: string[];
}

export interface SystemObligations {
  system: AiSystemSummary;
  asOf: string;
  basis: DateBasis;
  /** False until the system's operator roles and risk class are recorded. */
  classified: boolean;
  applies: SystemObligation[];
  upcoming: SystemObligation[];
  notApplicable: SystemObligation[];
}

/**
 * The EU AI Act obligations for one system on a date: which apply, which will apply and from when
 * (days left), and which do not apply and why, from the synced catalog and the system's recorded facts.
 */
export async function listSystemObligations(
  prisma: PrismaClient,
  ctx: OrgContext,
  systemId: string,
  options: { asOf?: string | undefined; basis?: string | undefined } = {},
): Promise<SystemObligations> {
  const { asOf, basis } = parseInput(obligationsQuery, options, "obligations query");
  const row = await prisma.aiSystem.findFirst({ where: { id: requireUuid(systemId, "AI system"), orgId: ctx.org.id } });
  if (!row) throw new AppError("not_found", "No such AI system in this organization.");
  const system = toAiSystemSummary(row);
  const requirements = await prisma.requirement.findMany({
    where: { frameworkId: "eu-ai-act", kind: "requirement" },
    orderBy: { position: "asc" },
    select: { data: true },
  });
  const classified = system.riskClass !== null && system.operatorRoles.length > 0;
  const result: SystemObligations = { system, asOf, basis, classified, applies: [], upcoming: [], notApplicable: [] };
  if (!classified) return result;
  const nodes = requirements.map(({ data }) => ({ node: data as unknown as CatalogNode, frameworkKind: "regulation" }));
  const decisions = decideSystemApplicability(nodes, system, asOf, basis);
  for (const { node } of nodes) {
    const decision = decisions.get(node.id);
    if (!decision) continue;
    const item: SystemObligation = { ...decision, ref: node.ref, title: node.title, roles: node.roles ?? [] };
    if (decision.status === "applies") result.applies.push(item);
    else if (decision.status === "upcoming") result.upcoming.push(item);
    else result.notApplicable.push(item);
  }
  result.upcoming.sort((a, b) => (a.effectiveFrom ?? "").localeCompare(b.effectiveFrom ?? ""));
  return result;
}
