import type { Waiver } from "./scoring-types.ts";

/**
 * Pure: the waiver that covers a requirement for a system at `asOf`: recorded by then, not yet expired
 * and not revoked, scoped to this system or to all. When several do, the one expiring last.
 */
export function findActiveWaiver(
  waivers: readonly Waiver[],
  requirementId: string,
  systemId: string,
  asOf: Date,
): Waiver | null {
  const t = asOf.getTime();
  let found: Waiver | null = null;
  for (const w of waivers) {
    if (w.requirementId !== requirementId) continue;
    if (w.systemId !== null && w.systemId !== systemId) continue;
    if (w.createdAt.getTime() > t || w.expiresAt.getTime() <= t) continue;
    if (w.revokedAt !== null && w.revokedAt.getTime() <= t) continue;
    if (!found || w.expiresAt > found.expiresAt) found = w;
  }
  return found;
}
