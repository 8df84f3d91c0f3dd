import type { Db } from "../db/db-types.ts";
import { appendLogLeaves } from "./append-log-leaves.ts";
import type { LogLeafSource } from "./log-leaf-source.ts";

/**
 * Appends one leaf to the organization's log inside the writer's transaction (see appendLogLeaves:
 * the log head's row lock gives each organization's appends a strict order). Returns its position.
 */
export async function appendLogLeaf(tx: Db, source: LogLeafSource): Promise<bigint> {
  const [seq] = await appendLogLeaves(tx, [source]);
  if (seq === undefined) throw new Error("no position for the leaf");
  return seq;
}
