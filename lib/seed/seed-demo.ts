import { randomBytes } from "node:crypto";
import type { CliActor, OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { createMember } from "../members/create-member.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { classifySystem } from "../systems/classify-system.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";
import { createWaiver } from "../waivers/create-waiver.ts";
import { seedDemoEvidence } from "./seed-demo-evidence.ts";

export const DEMO_SLUG = "demo";
export const DEMO_ADMIN_EMAIL = "admin@demo.assay.local";
export const DEMO_COMPLIANCE_EMAIL = "compliance@demo.assay.local";

export interface DemoSeed {
  created: boolean;
  org: string;
  /** Present only when this call created the demo: the admin's credentials, shown once. */
  admin?: { email: string; password: string };
  systems: number;
  /** Pieces of demo evidence stored (present only when this call created the demo). */
  evidence?: number;
}

/** Demo systems with their classification answers, so the demo shows obligations from the start. */
const DEMO_SYSTEMS = [
  {
    system: {
      name: "Customer support assistant",
      purpose:
        "Answers customer questions in chat using a hosted large language model behind the company's AI gateway.",
      owner: "Customer Operations",
      lifecycle: "production",
    },
    classification: { operatorRoles: ["deployer"], answers: { isAiSystem: true, interactsWithPersons: true } },
  },
  {
    system: {
      name: "CV screening ranker",
      purpose: "Ranks job applications for recruiters (an Annex III employment use case).",
      owner: "People Analytics",
      lifecycle: "development",
    },
    classification: {
      operatorRoles: ["deployer"],
      answers: { isAiSystem: true, annexIIIUseCase: "4(a)", employer: true, decisionsAboutPersons: true },
    },
  },
  {
    system: {
      name: "Fraud scoring model",
      purpose:
        "Scores card transactions for fraud risk before authorisation (fraud detection is outside Annex III point 5(b)).",
      owner: "Risk Engineering",
      lifecycle: "production",
    },
    classification: {
      operatorRoles: ["provider", "deployer"],
      answers: { isAiSystem: true, financialInstitution: true },
    },
  },
] as const;

/**
 * Creates the demo organization (`demo`): its admin with a random password (returned once), a
 * compliance officer, a few AI systems classified through the same logic as the wizard, evidence
 * through the real parser, rules and worker step (some fresh and passing, some failing, some stale, a
 * hand-made link), and one waiver, so the dashboard shows a non-trivial posture from the start, with
 * obligations that apply now and others that apply later. Running it again changes nothing and
 * reveals no password.
 */
export async function seedDemo(prisma: PrismaClient, now: Date = new Date()): Promise<DemoSeed> {
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
  await createMember(prisma, ctx, {
    email: DEMO_COMPLIANCE_EMAIL,
    name: "Demo Compliance",
    role: "compliance",
    password: randomBytes(12).toString("base64url"),
  });
  const ids = new Map<string, string>();
  for (const demo of DEMO_SYSTEMS) {
    const created = await createAiSystem(prisma, ctx, demo.system);
    await classifySystem(prisma, ctx, created.id, demo.classification);
    ids.set(demo.system.name, created.id);
  }
  const evidence = await seedDemoEvidence(prisma, ctx, now);
  await createWaiver(
    prisma,
    ctx,
    {
      requirementId: "zero-trust-ai:applications.threat-protections.prompt-injection-guardrails",
      systemId: ids.get("Customer support assistant") ?? null,
      reason: "The PII guardrail is off on the staging route only while the vendor fixes a false-positive bug.",
      compensatingControl: "Staging serves synthetic data only; production keeps the guardrail on.",
      approver: DEMO_COMPLIANCE_EMAIL,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    },
    now,
  );
  return {
    created: true,
    org: DEMO_SLUG,
    admin: { email: DEMO_ADMIN_EMAIL, password },
    systems: DEMO_SYSTEMS.length,
    evidence,
  };
}
