import type { Actor, OrgContext } from "../auth/actor.ts";
import { createSession } from "../auth/create-session.ts";
import type { RoleName, TokenScope } from "../auth/roles.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { createMember } from "../members/create-member.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";
import { createApiToken } from "../tokens/create-api-token.ts";

export const FIXTURE_PASSWORD = "correct-horse-battery-staple";

export interface AuthzFixture {
  acme: OrgContext;
  globex: OrgContext;
  /** Session cookie values by name: the four acme roles and globex's admin. */
  sessions: Record<RoleName | "globexAdmin", string>;
  members: Record<RoleName | "globexAdmin", { userId: string; membershipId: string }>;
  /** Bearer tokens: acme tokens per scope, and an admin token of globex. */
  tokens: Record<TokenScope | "globexAdmin", string>;
  systems: { acme: string; globex: string };
}

/**
 * Two organizations with one member per role in `acme`, an admin in `globex`, a session for each,
 * API tokens per scope and an AI system in each: the cast of the authorization tests.
 */
export async function seedAuthzFixture(prisma: PrismaClient): Promise<AuthzFixture> {
  const cli: Actor = { kind: "cli" };
  const ctxOf = async (slug: string, name: string): Promise<OrgContext> => {
    const org = await createOrganization(prisma, cli, { slug, name });
    return { org: { id: org.id, slug: org.slug, name: org.name }, actor: cli, role: "admin" };
  };
  const acme = await ctxOf("acme", "Acme Corp");
  const globex = await ctxOf("globex", "Globex");
  const roles: RoleName[] = ["admin", "compliance", "ciso", "engineer"];
  const sessions = {} as AuthzFixture["sessions"];
  const members = {} as AuthzFixture["members"];
  const config = { ASSAY_SESSION_MAX_HOURS: 12 };
  for (const role of roles) {
    const m = await createMember(prisma, acme, { email: `${role}@acme.test`, role, password: FIXTURE_PASSWORD });
    members[role] = { userId: m.userId, membershipId: m.membershipId };
    sessions[role] = (await createSession(prisma, m.userId, config)).token;
  }
  const g = await createMember(prisma, globex, {
    email: "admin@globex.test",
    role: "admin",
    password: FIXTURE_PASSWORD,
  });
  members.globexAdmin = { userId: g.userId, membershipId: g.membershipId };
  sessions.globexAdmin = (await createSession(prisma, g.userId, config)).token;
  const tokens = {} as AuthzFixture["tokens"];
  for (const scope of ["read", "evidence:write", "admin"] as const) {
    tokens[scope] = (await createApiToken(prisma, acme, { name: scope, scopes: [scope] })).token;
  }
  tokens.globexAdmin = (await createApiToken(prisma, globex, { name: "globex", scopes: ["admin"] })).token;
  const system = { purpose: "Answers questions.", owner: "Ops" };
  const systems = {
    acme: (await createAiSystem(prisma, acme, { name: "Support chatbot", ...system })).id,
    globex: (await createAiSystem(prisma, globex, { name: "Globex bot", ...system })).id,
  };
  return { acme, globex, sessions, members, tokens, systems };
}
