import type { PrismaClient } from "../db/db-types.ts";
import { readIngestResult } from "../evidence/read-ingest-result.ts";
import type { AcceptedDelivery } from "./to-integration-summary.ts";

export const RECENT_DELIVERIES = 10;

/**
 * The last accepted deliveries of each integration (newest first), from Evidence, without the bytes.
 * One indexed query per integration (`integrationId, receivedAt desc`).
 */
export async function listRecentDeliveries(
  prisma: PrismaClient,
  orgId: string,
  integrationIds: readonly string[],
  take: number = RECENT_DELIVERIES,
): Promise<Map<string, AcceptedDelivery[]>> {
  const lists = await Promise.all(
    integrationIds.map((integrationId) =>
      prisma.evidence.findMany({
        where: { orgId, integrationId },
        orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
        take,
        select: { id: true, receivedAt: true, eventType: true, result: true },
      }),
    ),
  );
  return new Map(
    integrationIds.map((id, i) => [
      id,
      (lists[i] ?? []).map((e) => {
        const result = readIngestResult(e.result);
        return {
          evidenceId: e.id,
          receivedAt: e.receivedAt.toISOString(),
          eventType: e.eventType,
          findings: result.findings,
          failing: result.failing,
          requirements: result.requirements.length,
        };
      }),
    ]),
  );
}
