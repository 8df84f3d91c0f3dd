/** Membership roles, from most to least privileged in what they may change. */
export const ROLES = ["admin", "compliance", "ciso", "engineer"] as const;
export type RoleName = (typeof ROLES)[number];

/** API token scopes. `admin` implies the other two. */
export const TOKEN_SCOPES = ["evidence:write", "read", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
