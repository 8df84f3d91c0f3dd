import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { toAiSystemSummary, type AiSystemSummary } from "./to-ai-system-summary.ts";

/** The organization's AI systems, by name. */
export async function listAiSystems(prisma: PrismaClient, ctx: OrgContext): Promise<AiSystemSummary[]> {
  const rows = await prisma.aiSystem.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" } });
  return rows.map(toAiSystemSummary);
}
