import pg from "pg";
import type { StoredDelivery } from "./check-deliveries.ts";

/**
 * Every evidence row of one integration (whose delivery id starts with the prefix), read as the database owner straight from the table (not
 * through the app), with the sha256 PostgreSQL computes over the stored bytes.
 */
export async function readStoredDeliveries(
  url: string,
  integrationId: string,
  deliveryIdPrefix = "",
): Promise<StoredDelivery[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<StoredDelivery>(
      `SELECT "deliveryId", id AS "evidenceId", sha256, encode(sha256(body), 'hex') AS "bodySha256"
         FROM "Evidence" WHERE "integrationId" = $1 AND starts_with(coalesce("deliveryId", ''), $2)`,
      [integrationId, deliveryIdPrefix],
    );
    return rows;
  } finally {
    await client.end();
  }
}
