import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import { listRejections } from "../ingest/record-rejection.ts";
import { INTEGRATION_SELECT } from "./integration-select.ts";
import { listRecentDeliveries } from "./list-recent-deliveries.ts";
import { toIntegrationSummary, type IntegrationSummary } from "./to-integration-summary.ts";

/** One integration of the organization; another organization's id and a random id both give `not_found`. */
export async function getIntegration(
  prisma: PrismaClient,
  ctx: OrgContext,
  integrationId: string,
): Promise<IntegrationSummary> {
  const row = await prisma.integration.findFirst({
    where: { id: requireUuid(integrationId, "integration"), orgId: ctx.org.id },
    select: INTEGRATION_SELECT,
  });
  if (!row) throw new AppError("not_found", "No such integration in this organization.");
  const deliveries = await listRecentDeliveries(prisma, ctx.org.id, [row.id]);
  return toIntegrationSummary(row, deliveries.get(row.id) ?? [], listRejections(row.id));
}
