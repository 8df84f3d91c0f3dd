import type { AssayConfig } from "../config/config-schema.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { UserActor } from "./actor.ts";
import { hashSecret } from "./hash-secret.ts";

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves a session cookie to its user, enforcing the absolute expiry and the idle timeout, and
 * refusing disabled users. A deleted session row stops working on the very next request. An expired
 * or idle session is deleted.
 */
export async function findSessionUser(
  prisma: PrismaClient,
  token: string | undefined,
  config: Pick<AssayConfig, "ASSAY_SESSION_IDLE_MINUTES">,
  now: Date = new Date(),
): Promise<UserActor | null> {
  if (!token || token.length > 200) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken: hashSecret(token) },
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  if (!session) return null;
  const idleLimit = session.lastSeenAt.getTime() + config.ASSAY_SESSION_IDLE_MINUTES * 60_000;
  if (session.expires <= now || idleLimit <= now.getTime() || session.user.disabledAt) {
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
