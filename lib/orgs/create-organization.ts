import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { orgSlug } from "./org-slug.ts";

export const createOrganizationInput = z.strictObject({
  slug: orgSlug,
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters").optional(),
});

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

/** Creates an organization (tenant). The name defaults to the slug. */
export async function createOrganization(
  prisma: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<OrganizationSummary> {
  const { slug, name } = parseInput(createOrganizationInput, input, "organization");
  return prisma.$transaction(async (tx) => {
    const existing = await tx.organization.findUnique({ where: { slug } });
    if (existing) {
      throw new AppError("conflict", `An organization with slug "${slug}" already exists.`, [
        { field: "slug", message: "is taken" },
      ]);
    }
    const org = await tx.organization.create({ data: { slug, name: name ?? slug } });
    await recordAuditEntry(tx, {
      orgId: org.id,
      actor,
      action: "org.create",
      targetType: "organization",
      targetId: org.id,
      data: { slug },
    });
    return { id: org.id, slug: org.slug, name: org.name, createdAt: org.createdAt.toISOString() };
  });
}
