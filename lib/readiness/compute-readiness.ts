import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { scoreReadiness } from "../scoring/score-readiness.ts";
import type { ReadinessResult } from "../scoring/scoring-types.ts";
import { loadScoringInput } from "./load-scoring-input.ts";
import { readinessQuery } from "./readiness-query.ts";

/**
 * An organization's readiness computed now from the stored evidence (or as of a date, or for one
 * system): what the dashboard, the API and `assay score` show. Pure scoring over loaded inputs, so
 * the same stored facts always give the same numbers.
 */
export async function computeReadiness(
  prisma: PrismaClient,
  ctx: OrgContext,
  query: { asOf?: string | undefined; system?: string | undefined } = {},
): Promise<ReadinessResult> {
  const { asOf, system } = parseInput(readinessQuery, query, "readiness query");
  if (system) {
    const found = await prisma.aiSystem.findFirst({ where: { id: system, orgId: ctx.org.id }, select: { id: true } });
    if (!found) throw new AppError("not_found", "No such AI system in this organization.");
  }
  // Now or a later day: only the evidence that can still decide is read; a past date reads it all.
  const current = query.asOf === undefined || asOf.getTime() >= Date.now();
  return scoreReadiness(await loadScoringInput(prisma, ctx.org.id, asOf, { systemId: system, current }));
}
