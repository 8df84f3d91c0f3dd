import { randomBytes } from "node:crypto";
import type { CliActor, OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { createMember } from "../members/create-member.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";

export const DEMO_SLUG = "demo";
export const DEMO_ADMIN_EMAIL = "admin@demo.assay.local";

export interface DemoSeed {
  created: boolean;
  org: string;
  /** Present only when this call created the demo: the admin's credentials, shown once. */
  admin?: { email: string; password: string };
  systems: number;
}

const DEMO_SYSTEMS = [
  {
    name: "Customer support assistant",
    purpose: "Answers customer questions in chat using a hosted large language model behind the company's AI gateway.",
    owner: "Customer Operations",
    lifecycle: "production",
  },
  {
    name: "CV screening ranker",
    purpose: "Ranks job applications for recruiters (an Annex III employment use case).",
    owner: "People Analytics",
    lifecycle: "development",
  },
  {
    name: "Fraud scoring model",
    purpose: "Scores card transactions for fraud risk before authorisation.",
    owner: "Risk Engineering",
    lifecycle: "production",
  },
] as const;

/**
 * Creates the demo organization (`demo`), its admin with a random password (returned once) and a
 * few AI systems. Running it again changes nothing and reveals no password.
 */
export async function seedDemo(prisma: PrismaClient): Promise<DemoSeed> {
  const existing = await prisma.organization.findUnique({
    where: { slug: DEMO_SLUG },
    include: { _count: { select: { aiSystems: true } } },
  });
  if (existing) return { created: false, org: DEMO_SLUG, systems: existing._count.aiSystems };
  const actor: CliActor = { kind: "cli" };
  const org = await createOrganization(prisma, actor, { slug: DEMO_SLUG, name: "Demo Organization" });
  const ctx: OrgContext = { org: { id: org.id, slug: org.slug, name: org.name }, actor, role: "admin" };
  const password = randomBytes(12).toString("base64url");
  await createMember(prisma, ctx, { email: DEMO_ADMIN_EMAIL, name: "Demo Admin", role: "admin", password });
  for (const system of DEMO_SYSTEMS) await createAiSystem(prisma, ctx, system);
  return { created: true, org: DEMO_SLUG, admin: { email: DEMO_ADMIN_EMAIL, password }, systems: DEMO_SYSTEMS.length };
}
