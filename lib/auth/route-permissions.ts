import { ROLES, type RoleName, type TokenScope } from "./roles.ts";

/**
 * Who may call what: THE permission table. Every route handler and page names its own key and
 * checks it itself (lib/http/handle-org-route.ts, lib/auth/require-page-access.ts); tests generate
 * the role matrix from this table and fail when a route or page exists that it does not list.
 *
 * - `public`: anyone, no credentials.
 * - `session`: any signed-in person (not bound to an organization).
 * - `sender`: evidence senders. `integration`: the integration's own secret or token, checked on the
 *   raw bytes (lib/ingest/ingest-delivery.ts); `upload`: an API token with `evidence:write` (or
 *   `admin`) or a CI OIDC token allowed by an integration (lib/ingest/ingest-upload.ts). Never a session.
 * - `org`: a member of the organization in the URL with one of `roles`, or an API token of that
 *   organization holding one of `scopes`. Anyone else gets 404 (another organization) or 403.
 */
export type Access =
  | { kind: "public" }
  | { kind: "session" }
  | { kind: "org"; roles: readonly RoleName[]; scopes: readonly TokenScope[] }
  | { kind: "sender"; credential: "integration" | "upload" };

const everyone = ROLES;
const publicAccess = { kind: "public" } as const;
const sessionAccess = { kind: "session" } as const;
const org = (roles: readonly RoleName[], scopes: readonly TokenScope[] = []) =>
  ({ kind: "org", roles, scopes }) as const;

export const ROUTE_PERMISSIONS = {
  // API
  "GET /api/health": publicAccess,
  "GET /api/auth/[...nextauth]": publicAccess,
  "POST /api/auth/[...nextauth]": publicAccess,
  "POST /api/v1/session": publicAccess,
  "DELETE /api/v1/session": sessionAccess,
  "GET /api/v1/me": sessionAccess,
  "PUT /api/v1/me/password": sessionAccess,
  "GET /api/v1/orgs/[org]/members": org(["admin"], ["admin"]),
  "POST /api/v1/orgs/[org]/members": org(["admin"], ["admin"]),
  "PATCH /api/v1/orgs/[org]/members/[memberId]": org(["admin"], ["admin"]),
  "DELETE /api/v1/orgs/[org]/members/[memberId]": org(["admin"], ["admin"]),
  "DELETE /api/v1/orgs/[org]/members/[memberId]/sessions": org(["admin"], ["admin"]),
  "GET /api/v1/orgs/[org]/tokens": org(["admin", "engineer"], ["admin"]),
  "POST /api/v1/orgs/[org]/tokens": org(["admin", "engineer"], ["admin"]),
  "DELETE /api/v1/orgs/[org]/tokens/[tokenId]": org(["admin", "engineer"], ["admin"]),
  "GET /api/v1/orgs/[org]/systems": org(everyone, ["read", "admin"]),
  "POST /api/v1/orgs/[org]/systems": org(["admin", "compliance"], ["admin"]),
  "GET /api/v1/orgs/[org]/systems/[systemId]": org(everyone, ["read", "admin"]),
  "PATCH /api/v1/orgs/[org]/systems/[systemId]": org(["admin", "compliance"], ["admin"]),
  "PUT /api/v1/orgs/[org]/systems/[systemId]/classification": org(["admin", "compliance"], ["admin"]),
  "GET /api/v1/orgs/[org]/systems/[systemId]/obligations": org(everyone, ["read", "admin"]),
  "POST /api/v1/ingest/[integrationId]": { kind: "sender", credential: "integration" },
  "OPTIONS /api/v1/ingest/[integrationId]": { kind: "sender", credential: "integration" },
  "POST /api/v1/evidence": { kind: "sender", credential: "upload" },
  "GET /api/v1/openapi.json": publicAccess,
  "GET /api/v1/orgs/[org]/integrations": org(everyone, ["read", "admin"]),
  "POST /api/v1/orgs/[org]/integrations": org(["admin", "engineer"], ["admin"]),
  "GET /api/v1/orgs/[org]/integrations/[integrationId]": org(everyone, ["read", "admin"]),
  "PATCH /api/v1/orgs/[org]/integrations/[integrationId]": org(["admin", "engineer"], ["admin"]),
  "POST /api/v1/orgs/[org]/integrations/[integrationId]/rotate": org(["admin", "engineer"], ["admin"]),
  "POST /api/v1/orgs/[org]/integrations/[integrationId]/test-delivery": org(["admin", "engineer"], ["admin"]),
  "GET /api/v1/orgs/[org]/evidence": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/evidence/[evidenceId]": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/evidence/[evidenceId]/raw": org(everyone, ["read", "admin"]),
  "POST /api/v1/orgs/[org]/evidence/[evidenceId]/links": org(["admin", "compliance"], ["admin"]),
  "DELETE /api/v1/orgs/[org]/evidence/[evidenceId]/links/[linkId]": org(["admin", "compliance"], ["admin"]),
  "GET /api/v1/orgs/[org]/readiness": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/readiness/snapshots": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/waivers": org(everyone, ["read", "admin"]),
  "POST /api/v1/orgs/[org]/waivers": org(["admin", "compliance"], ["admin"]),
  "POST /api/v1/orgs/[org]/waivers/[waiverId]/revoke": org(["admin", "compliance"], ["admin"]),
  "GET /api/v1/orgs/[org]/reports": org(everyone, ["read", "admin"]),
  "POST /api/v1/orgs/[org]/reports": org(["admin", "compliance", "ciso"], ["admin"]),
  "GET /api/v1/orgs/[org]/reports/[reportId]": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/reports/[reportId]/pdf": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/reports/[reportId]/pack": org(["admin", "compliance", "ciso"], ["admin"]),
  "GET /api/v1/orgs/[org]/signing-certificate": org(everyone, ["read", "admin"]),
  "PUT /api/v1/orgs/[org]/signing-certificate": org(["admin"], ["admin"]),
  "GET /api/v1/orgs/[org]/log": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/log/inclusion": org(everyone, ["read", "admin"]),
  "GET /api/v1/orgs/[org]/log/consistency": org(everyone, ["read", "admin"]),
  // Pages
  "PAGE /": sessionAccess,
  "PAGE /signin": publicAccess,
  "PAGE /o/[org]": org(everyone),
  "PAGE /o/[org]/dashboard": org(everyone),
  "PAGE /o/[org]/systems": org(everyone),
  "PAGE /o/[org]/systems/[systemId]": org(everyone),
  "PAGE /o/[org]/controls": org(everyone),
  "PAGE /o/[org]/controls/[frameworkId]": org(everyone),
  "PAGE /o/[org]/controls/requirements/[requirementId]": org(everyone),
  "PAGE /o/[org]/systems/[systemId]/classify": org(["admin", "compliance"]),
  "PAGE /o/[org]/evidence": org(everyone),
  "PAGE /o/[org]/integrations": org(everyone),
  "PAGE /o/[org]/evidence/[evidenceId]": org(everyone),
  "PAGE /o/[org]/reports": org(everyone),
  "PAGE /o/[org]/waivers": org(everyone),
  "PAGE /o/[org]/readiness": org(everyone),
  "PAGE /o/[org]/settings": org(everyone),
  "PAGE /o/[org]/settings/users": org(["admin"]),
  "PAGE /o/[org]/settings/tokens": org(["admin", "engineer"]),
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof ROUTE_PERMISSIONS;
