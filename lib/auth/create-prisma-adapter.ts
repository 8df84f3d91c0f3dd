import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import type { PrismaClient } from "../db/db-types.ts";
import type { User } from "../db/generated/client.ts";
import { hashSecret } from "./hash-secret.ts";
import { isSessionLive, type SessionLifetimeConfig } from "./is-session-live.ts";

function toAdapterUser(user: User): AdapterUser {
  return { id: user.id, email: user.email, emailVerified: user.emailVerified, name: user.name, image: user.image };
}

/**
 * next-auth's database adapter over Assay's Prisma client (the official adapter expects the default
 * Prisma client location). Session tokens are stored as SHA-256 digests, as in our own sessions, and
 * next-auth sees a session only while `isSessionLive` allows it (same idle and absolute limits as
 * every other request; a dead one is deleted). `now` is the clock (tests pass their own).
 */
export function createPrismaAdapter(
  getPrisma: () => Promise<PrismaClient>,
  config: SessionLifetimeConfig,
  now: () => Date = () => new Date(),
): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const prisma = await getPrisma();
      const created = await prisma.user.create({
        data: {
          email: user.email.toLowerCase(),
          name: user.name ?? null,
          image: user.image ?? null,
          emailVerified: user.emailVerified,
        },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await (await getPrisma()).user.findUnique({ where: { id } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const user = await (await getPrisma()).user.findUnique({ where: { email: email.toLowerCase() } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await (
        await getPrisma()
      ).account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    async updateUser(user) {
      const updated = await (
        await getPrisma()
      ).user.update({
        where: { id: user.id },
        data: {
          name: user.name ?? undefined,
          image: user.image ?? undefined,
          emailVerified: user.emailVerified ?? undefined,
        },
      });
      return toAdapterUser(updated);
    },
    async linkAccount(account: AdapterAccount): Promise<void> {
      await (
        await getPrisma()
      ).account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    async createSession({ sessionToken, userId, expires }) {
      await (await getPrisma()).session.create({ data: { sessionToken: hashSecret(sessionToken), userId, expires } });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const prisma = await getPrisma();
      const session = await prisma.session.findUnique({
        where: { sessionToken: hashSecret(sessionToken) },
        include: { user: true },
      });
      if (!session) return null;
      if (session.user.disabledAt || !isSessionLive(session, config, now())) {
        await prisma.session.deleteMany({ where: { id: session.id } });
        return null;
      }
      const adapterSession: AdapterSession = { sessionToken, userId: session.userId, expires: session.expires };
      return { session: adapterSession, user: toAdapterUser(session.user) };
    },
    async updateSession({ sessionToken, expires }) {
      // Sessions have an absolute lifetime in Assay: next-auth may not extend them.
      const session = await (
        await getPrisma()
      ).session.findUnique({ where: { sessionToken: hashSecret(sessionToken) } });
      return session
        ? {
            sessionToken,
            userId: session.userId,
            expires: expires && expires < session.expires ? expires : session.expires,
          }
        : null;
    },
    async deleteSession(sessionToken) {
      await (await getPrisma()).session.deleteMany({ where: { sessionToken: hashSecret(sessionToken) } });
    },
  };
}
