import type { PrismaClient } from "../db/db-types.ts";

const PAGE = 500;
const TARGET_TYPES = ["report", "waiver", "control_link", "system", "signing_identity", "catalog"];

/**
 * The organization's audit entries an audit pack carries, as JSON lines in the order they were written
 * (reports, waivers, evidence links, systems, signing identities, catalog syncs), read a page at a time.
 */
export async function* readAuditEntries(
  prisma: PrismaClient,
  orgId: string,
  options: { reportId: string; until: Date; onEntry?: () => void },
): AsyncGenerator<Buffer> {
  let cursor: bigint | null = null;
  for (;;) {
    const rows: {
      id: bigint;
      createdAt: Date;
      actorType: string;
      actorId: string | null;
      action: string;
      targetType: string;
      targetId: string | null;
      data: unknown;
    }[] = await prisma.auditEntry.findMany({
      where: {
        orgId,
        createdAt: { lte: options.until },
        targetType: { in: TARGET_TYPES },
        ...(cursor === null ? {} : { id: { gt: cursor } }),
      },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        createdAt: true,
        actorType: true,
        actorId: true,
        action: true,
        targetType: true,
        targetId: true,
        data: true,
      },
    });
    if (rows.length === 0) return;
    const lines = rows.map((r) => {
      options.onEntry?.();
      return JSON.stringify({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString() });
    });
    yield Buffer.from(`${lines.join("\n")}\n`, "utf8");
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    cursor = last.id;
  }
}
