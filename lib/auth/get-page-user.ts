import { cookies } from "next/headers";
import { getConfig } from "../config/get-config.ts";
import { getDatabase } from "../db/get-database.ts";
import type { UserActor } from "./actor.ts";
import { findSessionUser } from "./find-session-user.ts";
import { sessionCookieName } from "./session-cookie-name.ts";

/** The signed-in person behind the current page request, or null. */
export async function getPageUser(): Promise<UserActor | null> {
  const config = getConfig();
  const token = (await cookies()).get(sessionCookieName(config.url))?.value;
  const { prisma } = await getDatabase();
  return findSessionUser(prisma, token, config);
}
