import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { listRejections } from "../ingest/record-rejection.ts";
import { INTEGRATION_SELECT } from "./integration-select.ts";
import { listRecentDeliveries } from "./list-recent-deliveries.ts";
import { toIntegrationSummary, type IntegrationSummary } from "./to-integration-summary.ts";

/**
 * The organization's integrations, newest first: URL, scheme, system, status, secrets (prefix and
 * expiry only), the last accepted deliveries and the recently rejected ones.
 */
export async function listIntegrations(prisma: PrismaClient, ctx: OrgContext): Promise<IntegrationSummary[]> {
  const rows = await prisma.integration.findMany({
    where: { orgId: ctx.org.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: INTEGRATION_SELECT,
  });
  const deliveries = await listRecentDeliveries(
    prisma,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  const now = new Date();
  return rows.map((row) => toIntegrationSummary(row, deliveries.get(row.id) ?? [], listRejections(row.id), now));
}
