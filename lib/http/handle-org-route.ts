import type { OrgContext } from "../auth/actor.ts";
import { getRequestActor } from "../auth/get-request-actor.ts";
import { isAllowed } from "../auth/is-allowed.ts";
import { ROUTE_PERMISSIONS, type RouteKey } from "../auth/route-permissions.ts";
import { getConfig } from "../config/get-config.ts";
import { getDatabase } from "../db/get-database.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { resolveOrgContext } from "../orgs/resolve-org-context.ts";
import { checkSameOrigin } from "./check-same-origin.ts";
import { runRoute } from "./run-route.ts";

type OrgKey = { [K in RouteKey]: (typeof ROUTE_PERMISSIONS)[K]["kind"] extends "org" ? K : never }[RouteKey];

export interface OrgRouteArgs<P> {
  prisma: PrismaClient;
  ctx: OrgContext;
  params: P;
  requestId: string;
}

/**
 * For routes under /api/v1/orgs/[org]: authenticates (401), binds the actor to the organization in the
 * URL with the tenant check in the query (404), applies the permission table's roles and scopes for
 * this route's key (403), refuses cross-site writes, then runs the handler body.
 */
export function handleOrgRoute<P extends { org: string }>(
  req: Request,
  key: OrgKey,
  params: Promise<P>,
  fn: (args: OrgRouteArgs<P>) => Promise<unknown>,
): Promise<Response> {
  return runRoute(req, key, async (requestId) => {
    const access = ROUTE_PERMISSIONS[key];
    const { prisma } = await getDatabase();
    const actor = await getRequestActor(prisma, req);
    if (!actor) throw new AppError("unauthenticated", "Sign in or send an API token.");
    if (actor.kind === "user") checkSameOrigin(req, getConfig().url);
    const resolved = await params;
    const ctx = await resolveOrgContext(prisma, actor, resolved.org);
    if (!isAllowed(access, ctx)) throw new AppError("forbidden", "Your role does not allow this.");
    return fn({ prisma, ctx, params: resolved, requestId });
  });
}
