import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { toAiSystemSummary, type AiSystemSummary } from "./to-ai-system-summary.ts";

export const createAiSystemInput = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  purpose: z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
  owner: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  lifecycle: z.enum(["planned", "development", "production", "retired"]).default("development"),
});

/** Registers an AI system in the organization's register; names are unique per organization. */
export async function createAiSystem(prisma: PrismaClient, ctx: OrgContext, input: unknown): Promise<AiSystemSummary> {
  const data = parseInput(createAiSystemInput, input, "AI system");
  return prisma.$transaction(async (tx) => {
    const clash = await tx.aiSystem.findFirst({ where: { orgId: ctx.org.id, name: data.name } });
    if (clash)
      throw new AppError("conflict", `An AI system named "${data.name}" already exists.`, [
        { field: "name", message: "is taken" },
      ]);
    const system = await tx.aiSystem.create({ data: { ...data, orgId: ctx.org.id } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "system.create",
      targetType: "ai_system",
      targetId: system.id,
      data: { name: data.name },
    });
    return toAiSystemSummary(system);
  });
}
