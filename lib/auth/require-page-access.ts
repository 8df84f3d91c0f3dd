import { forbidden, notFound, redirect } from "next/navigation";
import { getDatabase } from "../db/get-database.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { resolveOrgContext } from "../orgs/resolve-org-context.ts";
import type { OrgContext, UserActor } from "./actor.ts";
import { getPageUser } from "./get-page-user.ts";
import { isAllowed } from "./is-allowed.ts";
import { ROUTE_PERMISSIONS, type RouteKey } from "./route-permissions.ts";

type PageKey = Extract<RouteKey, `PAGE ${string}`>;

export interface PageAccess {
  prisma: PrismaClient;
  user: UserActor;
  /** Set for pages under /o/[org]. */
  ctx: OrgContext | undefined;
}

/**
 * Every page calls this with its own key from the permission table: anonymous visitors go to the
 * sign-in page, another organization (or an unknown one) is a 404, a role the table does not allow is
 * a 403. The check lives in the page itself, never only in middleware.
 */
export async function requirePageAccess(key: PageKey, orgSlug?: string): Promise<PageAccess> {
  const access = ROUTE_PERMISSIONS[key];
  const user = await getPageUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(orgSlug ? `/o/${orgSlug}` : "/")}`);
  const { prisma } = await getDatabase();
  if (access.kind !== "org") return { prisma, user, ctx: undefined };
  let ctx: OrgContext;
  try {
    ctx = await resolveOrgContext(prisma, user, orgSlug ?? "");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  if (!isAllowed(access, ctx)) forbidden();
  return { prisma, user, ctx };
}
