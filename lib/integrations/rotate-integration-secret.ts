import { z } from "zod";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { parseInput } from "../errors/parse-input.ts";
import { integrationUrl } from "./integration-url.ts";
import { issueSecretMaterial } from "./issue-secret-material.ts";
import type { CreatedIntegration } from "./create-integration.ts";
import type { IntegrationScheme } from "./source-schemes.ts";

export const rotateInput = z.strictObject({
  /** How long the current secrets keep verifying beside the new one. */
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
  secret: z.string().max(200).optional(),
});

/**
 * Issues a new secret and lets the current ones keep verifying for the overlap window (default 24 h),
 * so a sender can be switched over without dropping deliveries.
 */
export async function rotateIntegrationSecret(
  prisma: PrismaClient,
  ctx: OrgContext,
  integrationId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<CreatedIntegration & { previousValidUntil: string }> {
  requireUuid(integrationId, "integration");
  const { overlapHours, secret } = parseInput(rotateInput, input ?? {}, "rotation");
  return prisma.$transaction(async (tx) => {
    const row = await tx.integration.findFirst({ where: { id: integrationId, orgId: ctx.org.id } });
    if (!row) throw new AppError("not_found", "No such integration.");
    if (row.scheme === "ci-oidc") throw new AppError("conflict", "A CI OIDC integration has no secret to rotate.");
    const issued = issueSecretMaterial(row.scheme as IntegrationScheme, secret);
    const until = new Date(now.getTime() + overlapHours * 3_600_000);
    await tx.integrationSecret.updateMany({
      where: { integrationId: row.id, OR: [{ expiresAt: null }, { expiresAt: { gt: until } }] },
      data: { expiresAt: until },
    });
    await tx.integrationSecret.create({ data: { integrationId: row.id, ...issued.row } });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "integration.rotate",
      targetType: "integration",
      targetId: row.id,
      data: { overlapHours, previousValidUntil: until.toISOString() },
    });
    return {
      id: row.id,
      name: row.name,
      source: row.source,
      scheme: row.scheme,
      url: integrationUrl(row.id),
      secret: issued.secret,
      ...(issued.token ? { token: issued.token } : {}),
      previousValidUntil: until.toISOString(),
    };
  });
}
