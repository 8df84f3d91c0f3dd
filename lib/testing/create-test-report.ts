import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { generateReport } from "../reports/generate-report.ts";
import { requestReport } from "../reports/request-report.ts";

/** Generates a report in this process (as the CLI does) and returns its id and signed bytes. */
export async function createTestReport(
  prisma: PrismaClient,
  ctx: OrgContext,
  scope: { systems?: string[]; frameworks?: string[] } = {},
): Promise<{ reportId: string; pdf: Buffer }> {
  const requested = await requestReport(prisma, ctx, scope, { inline: true });
  const done = await generateReport(prisma, requested.id);
  const row = await prisma.report.findUniqueOrThrow({ where: { id: requested.id } });
  if (done.status !== "done" || !row.pdf) throw new Error(`report ${requested.id} failed: ${row.error ?? "?"}`);
  return { reportId: requested.id, pdf: Buffer.from(row.pdf) };
}
