export type TokenStatus = "active" | "revoked" | "expired";

/** Whether an API token still works: revoked wins over expired. */
export function tokenStatus(
  token: { revokedAt: string | null; expiresAt: string | null },
  now: number = Date.now(),
): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return "expired";
  return "active";
}
