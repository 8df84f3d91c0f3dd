import { randomBytes } from "node:crypto";
import type { AssayConfig } from "../config/config-schema.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { hashSecret } from "./hash-secret.ts";

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  expires: Date;
}

/**
 * Creates a database session for a user: a fresh random token (256 bits, never chosen by the
 * client), absolute expiry from the config. `now` is the clock (tests pass their own).
 */
export async function createSession(
  prisma: Pick<PrismaClient, "session">,
  userId: string,
  config: Pick<AssayConfig, "ASSAY_SESSION_MAX_HOURS">,
  now: Date = new Date(),
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + config.ASSAY_SESSION_MAX_HOURS * 3_600_000);
  await prisma.session.create({
    data: { sessionToken: hashSecret(token), userId, expires, createdAt: now, lastSeenAt: now },
  });
  return { token, expires };
}
