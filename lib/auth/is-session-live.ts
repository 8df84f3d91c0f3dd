import type { AssayConfig } from "../config/config-schema.ts";

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expires: Date;
}

export type SessionLifetimeConfig = Pick<AssayConfig, "ASSAY_SESSION_IDLE_MINUTES" | "ASSAY_SESSION_MAX_HOURS">;

/**
 * Whether a session may still be used at `now`: not past its stored expiry, not older than the
 * configured absolute lifetime (so lowering ASSAY_SESSION_MAX_HOURS also shortens sessions that were
 * opened before), and used within the idle timeout. Both limits are exclusive: at the limit it is over.
 */
export function isSessionLive(session: SessionTimes, config: SessionLifetimeConfig, now: Date): boolean {
  const t = now.getTime();
  const absoluteEnd = Math.min(
    session.expires.getTime(),
    session.createdAt.getTime() + config.ASSAY_SESSION_MAX_HOURS * 3_600_000,
  );
  const idleEnd = session.lastSeenAt.getTime() + config.ASSAY_SESSION_IDLE_MINUTES * 60_000;
  return t < absoluteEnd && t < idleEnd;
}
