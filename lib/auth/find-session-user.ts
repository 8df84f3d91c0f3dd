import type { PrismaClient } from "../db/generated/client.ts";
import type { UserActor } from "./actor.ts";
import { hashSecret } from "./hash-secret.ts";
import { isSessionLive, type SessionLifetimeConfig } from "./is-session-live.ts";

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves a session cookie to its user, enforcing the absolute lifetime and the idle timeout
 * (`isSessionLive`), and refusing disabled users. A deleted session row stops working on the very
 * next request. An expired or idle session is deleted, so it can never come back. Use refreshes the
 * idle clock (at most once a minute, to spare the database a write per request).
 */
export async function findSessionUser(
  prisma: PrismaClient,
  token: string | undefined,
  config: SessionLifetimeConfig,
  now: Date = new Date(),
): Promise<UserActor | null> {
  if (!token || token.length > 200) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken: hashSecret(token) },
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  if (!session) return null;
  if (!isSessionLive(session, config, now) || session.user.disabledAt) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    kind: "user",
    userId: session.user.id,
    sessionId: session.id,
    email: session.user.email,
    name: session.user.name,
  };
}
