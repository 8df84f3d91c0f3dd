import type { Db } from "../db/db-types.ts";

/** Serializes identity changes of one organization (a transaction-scoped advisory lock). */
export async function lockSigningIdentity(tx: Db, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signing-identity:${orgId}`}))`;
}
