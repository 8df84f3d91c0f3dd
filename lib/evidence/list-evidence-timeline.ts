import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { listEvidence, type EvidenceListItem } from "./list-evidence.ts";

/**
 * The evidence that can count for one AI system, newest first: what is about the system itself and
 * what is about the whole organization (no system), at most `limit` items.
 */
export async function listEvidenceTimeline(
  prisma: PrismaClient,
  ctx: OrgContext,
  systemId: string,
  limit = 20,
): Promise<EvidenceListItem[]> {
  const [own, all] = await Promise.all([
    listEvidence(prisma, ctx, { systemId, limit }),
    listEvidence(prisma, ctx, { limit: 200 }),
  ]);
  const orgWide = all.evidence.filter((e) => e.system === null);
  return [...own.evidence, ...orgWide]
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
    .slice(0, limit);
}
