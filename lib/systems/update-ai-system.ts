import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import { getJobQueue } from "../jobs/get-job-queue.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { systemFields } from "./system-input.ts";
import { toAiSystemSummary, type AiSystemSummary } from "./to-ai-system-summary.ts";

export const updateAiSystemInput = z
  .strictObject({
    name: systemFields.name,
    purpose: systemFields.purpose,
    owner: systemFields.owner,
    lifecycle: systemFields.lifecycle,
    operatorRoles: systemFields.operatorRoles,
    placedOnMarketAt: systemFields.placedOnMarketAt,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });

/**
 * Edits a register entry's descriptive fields and operator roles (the risk class changes only through
 * classification). Records which fields changed, from what to what, in the audit log.
 */
export async function updateAiSystem(
  prisma: PrismaClient,
  ctx: OrgContext,
  systemId: string,
  input: unknown,
): Promise<AiSystemSummary> {
  const data = parseInput(updateAiSystemInput, input, "AI system");
  await getJobQueue();
  return prisma.$transaction(async (tx) => {
    const system = await tx.aiSystem.findFirst({
      where: { id: requireUuid(systemId, "AI system"), orgId: ctx.org.id },
    });
    if (!system) throw new AppError("not_found", "No such AI system in this organization.");
    if (data.name && data.name !== system.name) {
      const clash = await tx.aiSystem.findFirst({ where: { orgId: ctx.org.id, name: data.name } });
      if (clash)
        throw new AppError("conflict", `An AI system named "${data.name}" already exists.`, [
          { field: "name", message: "is taken" },
        ]);
    }
    const { placedOnMarketAt, ...rest } = data;
    const updated = await tx.aiSystem.update({
      where: { id: system.id },
      data: {
        ...rest,
        ...(placedOnMarketAt !== undefined
          ? { placedOnMarketAt: placedOnMarketAt ? new Date(`${placedOnMarketAt}T00:00:00Z`) : null }
          : {}),
      },
    });
    const before = toAiSystemSummary(system) as unknown as Record<string, unknown>;
    const after = toAiSystemSummary(updated) as unknown as Record<string, unknown>;
    const changes = Object.fromEntries(
      Object.keys(data)
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((k) => [k, { from: before[k] ?? null, to: after[k] ?? null }]),
    );
    await requestReadinessRecompute(tx, ctx.org.id, "system");
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "system.update",
      targetType: "ai_system",
      targetId: system.id,
      data: JSON.parse(JSON.stringify(changes)) as Record<string, never>,
    });
    return toAiSystemSummary(updated);
  });
}
