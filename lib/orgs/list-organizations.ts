import type { PrismaClient } from "../db/db-types.ts";
import type { RoleName } from "../auth/roles.ts";

export interface OrganizationListItem {
  id: string;
  slug: string;
  name: string;
  members: number;
  /** The given user's role, when listing for a user. */
  role?: RoleName;
}

/**
 * Lists organizations: every one (for the CLI operator) or, given a user id, only those the user is a
 * member of, with the user's role.
 */
export async function listOrganizations(prisma: PrismaClient, forUserId?: string): Promise<OrganizationListItem[]> {
  const orgs = await prisma.organization.findMany({
    where: forUserId ? { memberships: { some: { userId: forUserId } } } : {},
    orderBy: { slug: "asc" },
    include: {
      _count: { select: { memberships: true } },
      memberships: forUserId ? { where: { userId: forUserId }, select: { role: true } } : false,
    },
  });
  return orgs.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    members: o._count.memberships,
    ...(forUserId && o.memberships[0] ? { role: o.memberships[0].role } : {}),
  }));
}
