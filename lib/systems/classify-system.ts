import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import { classificationInput } from "../applicability/classification-input.ts";
import { classifyAiSystem, type Classification } from "../applicability/classify-ai-system.ts";
import type { Prisma, PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { systemFields } from "./system-input.ts";
import { toAiSystemSummary, type AiSystemSummary } from "./to-ai-system-summary.ts";

export const classifySystemInput = z.strictObject({
  operatorRoles: systemFields.operatorRoles,
  placedOnMarketAt: systemFields.placedOnMarketAt.default(null),
  answers: classificationInput,
});

/**
 * Records the classification wizard's outcome for a system: the organization's operator roles, the
 * answers, and the resulting risk class, GPAI facts, conditions and reasoning (Art. 3, 5, 6, 50, 51),
 * with an audit entry in the same transaction.
 */
export async function classifySystem(
  prisma: PrismaClient,
  ctx: OrgContext,
  systemId: string,
  input: unknown,
): Promise<AiSystemSummary & { result: Classification }> {
  const { operatorRoles, placedOnMarketAt, answers } = parseInput(classifySystemInput, input, "classification");
  const result = classifyAiSystem(answers);
  await getJobQueue();
  return prisma.$transaction(async (tx) => {
    const system = await tx.aiSystem.findFirst({
      where: { id: requireUuid(systemId, "AI system"), orgId: ctx.org.id },
    });
    if (!system) throw new AppError("not_found", "No such AI system in this organization.");
    const updated = await tx.aiSystem.update({
      where: { id: system.id },
      data: {
        operatorRoles,
        placedOnMarketAt: placedOnMarketAt ? new Date(`${placedOnMarketAt}T00:00:00Z`) : null,
        riskClass: result.riskClass,
        gpai: result.gpai,
        annexIIIUseCase: result.annexIIIUseCase,
        conditions: result.conditions,
        classification: { source: "wizard", answers, result } as unknown as Prisma.InputJsonValue,
        classifiedAt: new Date(),
      },
    });
    await requestReadinessRecompute(tx, ctx.org.id, "system");
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "system.classify",
      targetType: "ai_system",
      targetId: system.id,
      data: { from: system.riskClass, to: result.riskClass, gpai: result.gpai, operatorRoles },
    });
    return { ...toAiSystemSummary(updated), result };
  });
}
