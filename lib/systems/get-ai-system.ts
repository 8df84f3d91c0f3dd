import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { toAiSystemSummary, type AiSystemSummary } from "./to-ai-system-summary.ts";

/** One AI system of the organization; another organization's id and a random id both give `not_found`. */
export async function getAiSystem(prisma: PrismaClient, ctx: OrgContext, systemId: string): Promise<AiSystemSummary> {
  const id = requireUuid(systemId, "AI system");
  const system = await prisma.aiSystem.findFirst({ where: { id, orgId: ctx.org.id } });
  if (!system) throw new AppError("not_found", "No such AI system in this organization.");
  return toAiSystemSummary(system);
}
