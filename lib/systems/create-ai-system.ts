import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { systemFields } from "./system-input.ts";
import { toAiSystemSummary, type AiSystemSummary } from "./to-ai-system-summary.ts";

export const createAiSystemInput = z
  .strictObject({
    name: systemFields.name,
    purpose: systemFields.purpose,
    owner: systemFields.owner,
    lifecycle: systemFields.lifecycle.default("development"),
    operatorRoles: systemFields.operatorRoles.optional(),
    placedOnMarketAt: systemFields.placedOnMarketAt.optional(),
    riskClass: systemFields.riskClass.optional(),
    gpai: systemFields.gpai.default("none"),
    annexIIIUseCase: systemFields.annexIIIUseCase.optional(),
  })
  .refine((s) => s.annexIIIUseCase == null || s.riskClass === "high-risk-annex-iii", {
    path: ["annexIIIUseCase"],
    message: "is only for high-risk-annex-iii systems",
  })
  .refine((s) => s.riskClass !== "high-risk-annex-iii" || s.annexIIIUseCase != null, {
    path: ["annexIIIUseCase"],
    message: "is required for a high-risk-annex-iii system",
  });

/** Registers an AI system in the organization's register; names are unique per organization. */
export async function createAiSystem(prisma: PrismaClient, ctx: OrgContext, input: unknown): Promise<AiSystemSummary> {
  const data = parseInput(createAiSystemInput, input, "AI system");
  await getJobQueue();
  return prisma.$transaction(async (tx) => {
    const clash = await tx.aiSystem.findFirst({ where: { orgId: ctx.org.id, name: data.name } });
    if (clash)
      throw new AppError("conflict", `An AI system named "${data.name}" already exists.`, [
        { field: "name", message: "is taken" },
      ]);
    const { placedOnMarketAt, ...rest } = data;
    const classified = data.riskClass !== undefined;
    const system = await tx.aiSystem.create({
      data: {
        ...rest,
        orgId: ctx.org.id,
        placedOnMarketAt: placedOnMarketAt ? new Date(`${placedOnMarketAt}T00:00:00Z`) : null,
        ...(classified
          ? { classifiedAt: new Date(), classification: { source: "declared", riskClass: data.riskClass ?? null } }
          : {}),
      },
    });
    await requestReadinessRecompute(tx, ctx.org.id, "system");
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
