import type { RoleName, TokenScope } from "./roles.ts";

/** Who is acting: a signed-in person, an API token, or an operator at the `assay` CLI. */
export type Actor = UserActor | TokenActor | CliActor;

/** The CLI runs with direct database access, so it acts with an admin's rights. */
export interface CliActor {
  kind: "cli";
}

export interface UserActor {
  kind: "user";
  userId: string;
  sessionId: string;
  email: string;
  name: string | null;
}

export interface TokenActor {
  kind: "token";
  tokenId: string;
  orgId: string;
  scopes: readonly TokenScope[];
}

/** An actor resolved against one organization: the tenant every query of the request is bound to. */
export interface OrgContext {
  org: { id: string; slug: string; name: string };
  actor: Actor;
  /** The member's role (`admin` for the CLI); undefined for API tokens. */
  role: RoleName | undefined;
}
