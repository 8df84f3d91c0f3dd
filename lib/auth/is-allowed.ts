import type { OrgContext } from "./actor.ts";
import type { Access } from "./route-permissions.ts";

/** The pure role/scope decision for an actor already bound to an organization. */
export function isAllowed(access: Extract<Access, { kind: "org" }>, ctx: OrgContext): boolean {
  if (ctx.actor.kind === "cli") return true;
  if (ctx.actor.kind === "token") return ctx.actor.scopes.some((scope) => access.scopes.includes(scope));
  return ctx.role !== undefined && access.roles.includes(ctx.role);
}
