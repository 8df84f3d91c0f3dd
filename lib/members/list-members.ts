import type { OrgContext } from "../auth/actor.ts";
import type { RoleName } from "../auth/roles.ts";
import type { PrismaClient } from "../db/db-types.ts";

export interface MemberSummary {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  role: RoleName;
  since: string;
}

/** The organization's members, ordered by email. */
export async function listMembers(prisma: PrismaClient, ctx: OrgContext): Promise<MemberSummary[]> {
  const rows = await prisma.membership.findMany({
    where: { orgId: ctx.org.id },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map((m) => ({
    id: m.id,
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    since: m.createdAt.toISOString(),
  }));
}
