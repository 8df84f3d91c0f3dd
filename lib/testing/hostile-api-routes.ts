// The body-taking organization APIs the hostile JSON suite drives: each with valid path parameters, a
// valid body and the fields its strict schema knows (lib/orgs/org-json-api.hostile.test.ts).
import { ROUTE_PERMISSIONS, type RouteKey } from "../auth/route-permissions.ts";
import type { AuthzFixture } from "./seed-authz-fixture.ts";

export type MutationKey = Extract<RouteKey, `${"POST" | "PUT" | "PATCH" | "DELETE"} /api/v1/orgs/${string}`>;

export interface Ids {
  victimMembershipId: string;
  integrationId: string;
  evidenceId: string;
  linkId: string;
  waiverId: string;
  requirementId: string;
}

export interface BodyRoute {
  params: (f: AuthzFixture, ids: Ids) => Record<string, string>;
  /** A body the command accepts (or would, but for the state of the fixture). */
  valid: (f: AuthzFixture, ids: Ids) => Record<string, unknown>;
  /** The fields the command's strict schema knows (any other top-level key must be a 422). */
  fields: readonly string[];
}

/** Routes that read a JSON body, with valid path parameters and a valid body each. */
/** The fields of an AI system's create and update commands. */
const SYSTEM_FIELDS = [
  "name",
  "purpose",
  "owner",
  "lifecycle",
  "operatorRoles",
  "placedOnMarketAt",
  "riskClass",
  "gpai",
  "annexIIIUseCase",
];

export const BODY_ROUTES: Partial<Record<MutationKey, BodyRoute>> = {
  "POST /api/v1/orgs/[org]/members": {
    params: () => ({}),
    valid: () => ({ email: "newcomer@acme.test", role: "engineer", name: "New Comer" }),
    fields: ["email", "name", "role", "password"],
  },
  "PATCH /api/v1/orgs/[org]/members/[memberId]": {
    params: (_, ids) => ({ memberId: ids.victimMembershipId }),
    valid: () => ({ role: "compliance" }),
    fields: ["role"],
  },
  "POST /api/v1/orgs/[org]/tokens": {
    params: () => ({}),
    valid: () => ({ name: "ci", scopes: ["read"], expiresInDays: 30 }),
    fields: ["name", "scopes", "expiresInDays"],
  },
  "POST /api/v1/orgs/[org]/systems": {
    params: () => ({}),
    valid: () => ({ name: "Hostile system", purpose: "Tests.", owner: "QA", lifecycle: "development" }),
    fields: SYSTEM_FIELDS,
  },
  "PATCH /api/v1/orgs/[org]/systems/[systemId]": {
    params: (f) => ({ systemId: f.systems.acme }),
    valid: () => ({ owner: "Ops", lifecycle: "production" }),
    fields: SYSTEM_FIELDS,
  },
  "PUT /api/v1/orgs/[org]/systems/[systemId]/classification": {
    params: (f) => ({ systemId: f.systems.acme }),
    valid: () => ({
      operatorRoles: ["deployer"],
      placedOnMarketAt: "2026-01-01",
      answers: { isAiSystem: true, interactsWithPersons: true, trainingComputeFlop: 1e20 },
    }),
    fields: ["operatorRoles", "placedOnMarketAt", "answers"],
  },
  "POST /api/v1/orgs/[org]/integrations": {
    params: () => ({}),
    valid: () => ({ source: "garak", name: "hostile-garak", maxBodyBytes: 4096 }),
    fields: ["name", "source", "scheme", "secret", "systemId", "allowedIdentities", "maxBodyBytes"],
  },
  "PATCH /api/v1/orgs/[org]/integrations/[integrationId]": {
    params: (_, ids) => ({ integrationId: ids.integrationId }),
    valid: () => ({ disabled: false }),
    fields: ["disabled"],
  },
  "POST /api/v1/orgs/[org]/integrations/[integrationId]/rotate": {
    params: (_, ids) => ({ integrationId: ids.integrationId }),
    valid: () => ({ overlapHours: 1 }),
    fields: ["overlapHours", "secret"],
  },
  "POST /api/v1/orgs/[org]/evidence/[evidenceId]/links": {
    params: (_, ids) => ({ evidenceId: ids.evidenceId }),
    valid: (_, ids) => ({ requirementId: ids.requirementId, justification: "Reviewed by hand, it applies." }),
    fields: ["requirementId", "justification", "findingKey"],
  },
  "DELETE /api/v1/orgs/[org]/evidence/[evidenceId]/links/[linkId]": {
    params: (_, ids) => ({ evidenceId: ids.evidenceId, linkId: ids.linkId }),
    valid: () => ({ reason: "Linked by mistake." }),
    fields: ["reason"],
  },
  "POST /api/v1/orgs/[org]/waivers": {
    params: () => ({}),
    valid: (_, ids) => ({
      requirementId: ids.requirementId,
      reason: "Accepted for the pilot phase only.",
      compensatingControl: "Manual review.",
      approver: "compliance@acme.test",
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    fields: ["requirementId", "systemId", "reason", "compensatingControl", "approver", "expiresAt"],
  },
  "POST /api/v1/orgs/[org]/waivers/[waiverId]/revoke": {
    params: (_, ids) => ({ waiverId: ids.waiverId }),
    valid: () => ({ reason: "No longer needed." }),
    fields: ["reason"],
  },
  "POST /api/v1/orgs/[org]/reports": {
    params: () => ({}),
    valid: () => ({ frameworks: ["eu-ai-act"] }),
    fields: ["systems", "frameworks"],
  },
  "PUT /api/v1/orgs/[org]/signing-certificate": {
    params: () => ({}),
    valid: () => ({ pkcs12: Buffer.from("not a real p12 file").toString("base64"), passphrase: "secret" }),
    fields: ["pkcs12", "passphrase"],
  },
};

export const MUTATION_KEYS = (Object.keys(ROUTE_PERMISSIONS) as RouteKey[]).filter((k): k is MutationKey =>
  /^(POST|PUT|PATCH|DELETE) \/api\/v1\/orgs\//.test(k),
);
export const BODY_KEYS = Object.keys(BODY_ROUTES) as MutationKey[];
