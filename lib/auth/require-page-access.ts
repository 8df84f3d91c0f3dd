import { redirect } from "next/navigation";
import { getDatabase } from "../db/get-database.ts";
import type { PrismaClient } from "../db/db-types.ts";
import type { UserActor } from "./actor.ts";
import { getPageUser } from "./get-page-user.ts";
import type { RouteKey } from "./route-permissions.ts";

type SessionPageKey = Extract<RouteKey, "PAGE /">;

/**
 * For signed-in pages outside an organization (the permission table's `session` pages): anonymous
 * visitors go to the sign-in page. Organization pages use requireOrgPageAccess.
 */
export async function requirePageAccess(key: SessionPageKey): Promise<{ prisma: PrismaClient; user: UserActor }> {
  const user = await getPageUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(key.slice("PAGE ".length))}`);
  const { prisma } = await getDatabase();
  return { prisma, user };
}
