import type { OrgContext } from "../auth/actor.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { recomputeReadiness } from "../readiness/recompute-readiness.ts";
import { DEMO_SLUG, seedDemo } from "../seed/seed-demo.ts";
import { classifySystem } from "../systems/classify-system.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";

/** System names in several scripts; the last one hides bidi controls around text next to an id. */
export const FIXTURE_NAMES = {
  arabic: "نظام التقييم الآلي",
  cjk: "风险评估系统",
  hebrew: "מערכת בדיקה",
  greekCyrillic: "Σύστημα κινδύνου / Система оценки",
  hostile: "Payroll \u202Eredro\u202C \u2066bot\u2069 v2",
} as const;

/**
 * Test fixture for reports: the catalog, the demo organization (evidence through the real pipeline, a
 * waiver) plus AI systems named in Arabic, Chinese, Hebrew, Greek/Cyrillic and one hostile name, and a
 * stored readiness snapshot.
 */
export async function seedReportFixture(prisma: PrismaClient, now: Date = new Date()): Promise<OrgContext> {
  await syncCatalogFromDisk(prisma);
  await seedDemo(prisma, now);
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const ctx: OrgContext = {
    org: { id: org.id, slug: org.slug, name: org.name },
    actor: { kind: "cli" },
    role: "admin",
  };
  for (const name of Object.values(FIXTURE_NAMES)) {
    const system = await createAiSystem(prisma, ctx, {
      name,
      purpose: `Fixture system ${name} (نص عربي، 中文).`,
      owner: "Fixture",
      lifecycle: "production",
    });
    await classifySystem(prisma, ctx, system.id, {
      operatorRoles: ["deployer"],
      answers: { isAiSystem: true, interactsWithPersons: true },
    });
  }
  await recomputeReadiness(prisma, org.id, "manual", now);
  return ctx;
}
