import type { UserActor } from "../auth/actor.ts";
import { getRequestActor } from "../auth/get-request-actor.ts";
import { ROUTE_PERMISSIONS, type RouteKey } from "../auth/route-permissions.ts";
import { getConfig } from "../config/get-config.ts";
import { getDatabase } from "../db/get-database.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { checkSameOrigin } from "./check-same-origin.ts";
import { runRoute } from "./run-route.ts";

type PublicOrSessionKey = {
  [K in RouteKey]: (typeof ROUTE_PERMISSIONS)[K]["kind"] extends "org" ? never : K;
}[RouteKey];

export interface RouteArgs<K extends PublicOrSessionKey> {
  prisma: PrismaClient;
  requestId: string;
  /** The signed-in person on `session` routes; null on `public` ones (they look up what they need). */
  user: (typeof ROUTE_PERMISSIONS)[K]["kind"] extends "session" ? UserActor : UserActor | null;
}

/**
 * For routes that are not bound to an organization (`public` and `session` in the permission table).
 * The handler calls this itself with its own key; the session check happens here, inside the handler.
 */
export function handleRoute<K extends PublicOrSessionKey>(
  req: Request,
  key: K,
  fn: (args: RouteArgs<K>) => Promise<unknown>,
): Promise<Response> {
  return runRoute(req, key, async (requestId) => {
    const access = ROUTE_PERMISSIONS[key];
    const { prisma } = await getDatabase();
    checkSameOrigin(req, getConfig().url);
    let user: UserActor | null = null;
    if (access.kind === "session") {
      const actor = await getRequestActor(prisma, req);
      if (actor?.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
      user = actor;
    }
    return fn({ prisma, requestId, user } as RouteArgs<K>);
  });
}
