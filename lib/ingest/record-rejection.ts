import type { AppError } from "../errors/app-error.ts";

export interface RejectedDelivery {
  at: string;
  status: number;
  code: string;
  message: string;
}

const KEY = Symbol.for("assay.ingest.rejections");
const PER_INTEGRATION = 20;

function store(): Map<string, RejectedDelivery[]> {
  const g = globalThis as { [KEY]?: Map<string, RejectedDelivery[]> };
  g[KEY] ??= new Map();
  return g[KEY];
}

/**
 * Keeps the last rejected deliveries of an integration in this process's memory, for the
 * integrations page. A rejection writes nothing to the database (a forged or oversized request must
 * not be able to fill it); the structured log has every rejection.
 */
export function recordRejection(integrationId: string, error: AppError, now: Date = new Date()): void {
  const map = store();
  const list = map.get(integrationId) ?? [];
  list.unshift({ at: now.toISOString(), status: error.status, code: error.code, message: error.message.slice(0, 300) });
  map.set(integrationId, list.slice(0, PER_INTEGRATION));
  if (map.size > 5_000) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

/** The rejections `recordRejection` kept for one integration, newest first. */
export function listRejections(integrationId: string): RejectedDelivery[] {
  return [...(store().get(integrationId) ?? [])];
}
