import type { OrgContext } from "../auth/actor.ts";
import { isAllowed } from "../auth/is-allowed.ts";
import { ROUTE_PERMISSIONS, type RouteKey } from "../auth/route-permissions.ts";

/**
 * Whether the UI should offer a link or a form for a page or API route: the same decision the page
 * (`requirePageAccess`) or route handler makes, read from the permission table, so a hidden link and a
 * 403 never disagree. Public and session routes are always allowed here.
 */
export function canAccessRoute(key: RouteKey, ctx: OrgContext): boolean {
  const access = ROUTE_PERMISSIONS[key];
  if (access.kind !== "org") return true;
  return isAllowed(access, ctx);
}
