import { forbidden, notFound, redirect } from "next/navigation";
import { getDatabase } from "../db/get-database.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { resolveOrgContext } from "../orgs/resolve-org-context.ts";
import type { OrgContext, UserActor } from "./actor.ts";
import { getPageUser } from "./get-page-user.ts";
import { isAllowed } from "./is-allowed.ts";
import { ROUTE_PERMISSIONS, type RouteKey } from "./route-permissions.ts";

type OrgPageKey = Extract<RouteKey, `PAGE /o/${string}`>;

export interface OrgPageAccess {
  prisma: PrismaClient;
  user: UserActor;
  ctx: OrgContext;
}

/**
 * Every page under /o/[org] calls this first with its own key from the permission table and its route
 * params: anonymous visitors go to the sign-in page (and come back to this page afterwards), another
 * organization or an unknown one is a 404, a role the table does not allow is a 403. The check lives in
 * the page itself, never only in middleware or a layout.
 */
export async function requireOrgPageAccess(
  key: OrgPageKey,
  params: { org: string } & Record<string, string>,
): Promise<OrgPageAccess> {
  const access = ROUTE_PERMISSIONS[key];
  const user = await getPageUser();
  if (!user) {
    const path = key
      .slice("PAGE ".length)
      .replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  const { prisma } = await getDatabase();
  let ctx: OrgContext;
  try {
    ctx = await resolveOrgContext(prisma, user, params.org);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  if (!isAllowed(access, ctx)) forbidden();
  return { prisma, user, ctx };
}
