import type { PrismaClient } from "../db/db-types.ts";
import type { FrameworkFile } from "./catalog-schema.ts";

export type AnnexIIIArea = NonNullable<NonNullable<FrameworkFile["reference"]>["annexIII"]>[number];

/** The Annex III areas and their lettered use cases, from the synced EU AI Act's reference data. */
export async function getAnnexIIIAreas(prisma: PrismaClient): Promise<AnnexIIIArea[]> {
  const row = await prisma.framework.findUnique({ where: { id: "eu-ai-act" }, select: { reference: true } });
  const reference = row?.reference as FrameworkFile["reference"] | null | undefined;
  return reference?.annexIII ?? [];
}
