import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";

/** Disables (every delivery then gets 401) or re-enables an integration; audited. */
export async function setIntegrationDisabled(
  prisma: PrismaClient,
  ctx: OrgContext,
  integrationId: string,
  disabled: boolean,
): Promise<{ id: string; disabledAt: string | null }> {
  requireUuid(integrationId, "integration");
  return prisma.$transaction(async (tx) => {
    const row = await tx.integration.findFirst({ where: { id: integrationId, orgId: ctx.org.id } });
    if (!row) throw new AppError("not_found", "No such integration.");
    const disabledAt = disabled ? (row.disabledAt ?? new Date()) : null;
    await tx.integration.updateMany({ where: { id: row.id, orgId: ctx.org.id }, data: { disabledAt } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: disabled ? "integration.disable" : "integration.enable",
      targetType: "integration",
      targetId: row.id,
    });
    return { id: row.id, disabledAt: disabledAt?.toISOString() ?? null };
  });
}
