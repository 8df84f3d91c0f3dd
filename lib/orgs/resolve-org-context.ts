import type { Actor, OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";

/**
 * Binds an actor to the organization named by `slug`. The tenant check is part of the query itself:
 * an organization the actor does not belong to and one that does not exist both give `not_found`.
 */
export async function resolveOrgContext(prisma: PrismaClient, actor: Actor, slug: string): Promise<OrgContext> {
  const notFound = new AppError("not_found", "No such organization.");
  // A NUL cannot be in any stored slug (PostgreSQL refuses it in text): such a slug is simply unknown.
  if (typeof slug !== "string" || slug.length > 64 || slug.includes("\u0000")) throw notFound;
  if (actor.kind === "user") {
    const org = await prisma.organization.findFirst({
      where: { slug, memberships: { some: { userId: actor.userId } } },
      select: {
        id: true,
        slug: true,
        name: true,
        memberships: { where: { userId: actor.userId }, select: { role: true } },
      },
    });
    const role = org?.memberships[0]?.role;
    if (!org || !role) throw notFound;
    return { org: { id: org.id, slug: org.slug, name: org.name }, actor, role };
  }
  const org = await prisma.organization.findFirst({
    where: actor.kind === "token" ? { slug, id: actor.orgId } : { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!org) throw notFound;
  return { org, actor, role: actor.kind === "cli" ? "admin" : undefined };
}
