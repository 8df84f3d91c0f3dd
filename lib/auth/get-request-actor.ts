import { getConfig } from "../config/get-config.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { authenticateApiToken } from "../tokens/authenticate-api-token.ts";
import type { Actor } from "./actor.ts";
import { findSessionUser } from "./find-session-user.ts";
import { readSessionToken } from "./read-session-token.ts";

/**
 * Who sent this request: `Authorization: Bearer assay_…` (API token) or the session cookie. A bearer
 * header that does not resolve is an error (never silently anonymous); no credentials gives null.
 */
export async function getRequestActor(prisma: PrismaClient, req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match?.[1] ? await authenticateApiToken(prisma, match[1]) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is unknown, revoked or expired.");
    return actor;
  }
  const config = getConfig();
  return findSessionUser(prisma, readSessionToken(req, config.url), config);
}
