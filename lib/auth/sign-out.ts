import type { PrismaClient } from "../db/db-types.ts";
import { hashSecret } from "./hash-secret.ts";

/** Deletes the session behind a cookie value; it stops working at once, everywhere. */
export async function signOut(prisma: PrismaClient, token: string | undefined): Promise<void> {
  if (!token) return;
  await prisma.session.deleteMany({ where: { sessionToken: hashSecret(token) } });
}
