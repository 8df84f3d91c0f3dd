import type { RejectedDelivery } from "../ingest/record-rejection.ts";
import type { AcceptedDelivery } from "../integrations/to-integration-summary.ts";

export type DeliveryRow =
  ({ outcome: "accepted"; at: string } & AcceptedDelivery) | ({ outcome: "rejected" } & RejectedDelivery);

/** Accepted and rejected deliveries of an integration as one timeline, newest first, at most `limit`. */
export function toDeliveryRows(
  deliveries: readonly AcceptedDelivery[],
  rejections: readonly RejectedDelivery[],
  limit = 10,
): DeliveryRow[] {
  const rows: DeliveryRow[] = [
    ...deliveries.map((d) => ({ outcome: "accepted" as const, at: d.receivedAt, ...d })),
    ...rejections.map((r) => ({ outcome: "rejected" as const, ...r })),
  ];
  return rows.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
