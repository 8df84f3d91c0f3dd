import type { Acknowledgement } from "./send-deliveries.ts";

/** One stored evidence row as the checker sees it: the delivery id, the recorded sha256, and the sha256 of the stored bytes. */
export interface StoredDelivery {
  deliveryId: string | null;
  evidenceId: string;
  sha256: string;
  bodySha256: string;
}

export interface DeliveryCheck {
  acknowledged: number;
  stored: number;
  /** Acknowledged with a 202 but not in the database: the loss the system must never have. */
  missing: string[];
  /** Delivery ids stored more than once. */
  duplicates: string[];
  /** Rows whose bytes do not hash to the recorded sha256, or whose sha256 is not the acknowledged one. */
  mismatches: string[];
  /** Acknowledged with an evidence id that is not the stored row's. */
  wrongIds: string[];
}

/**
 * The fault runs' checker (pure): compares what the sender was told (every 202) with what the
 * database holds. Stored rows that were never acknowledged are fine (committed, then the answer was
 * lost to a kill: the sender's retry got the same row back as a duplicate).
 */
export function checkDeliveries(
  acknowledged: ReadonlyMap<string, Acknowledgement>,
  stored: readonly StoredDelivery[],
): DeliveryCheck {
  const byDelivery = new Map<string, StoredDelivery[]>();
  for (const row of stored) {
    const key = row.deliveryId ?? `(no delivery id) ${row.evidenceId}`;
    byDelivery.set(key, [...(byDelivery.get(key) ?? []), row]);
  }
  const missing: string[] = [];
  const mismatches = new Set<string>();
  const wrongIds: string[] = [];
  for (const [id, ack] of acknowledged) {
    const rows = byDelivery.get(id);
    if (!rows) {
      missing.push(id);
      continue;
    }
    if (rows.some((r) => r.sha256 !== ack.sha256)) mismatches.add(id);
    if (!rows.some((r) => r.evidenceId === ack.evidenceId)) wrongIds.push(id);
  }
  for (const row of stored) if (row.bodySha256 !== row.sha256) mismatches.add(row.deliveryId ?? row.evidenceId);
  const duplicates = [...byDelivery].filter(([, rows]) => rows.length > 1).map(([id]) => id);
  return {
    acknowledged: acknowledged.size,
    stored: stored.length,
    missing,
    duplicates,
    mismatches: [...mismatches],
    wrongIds,
  };
}
