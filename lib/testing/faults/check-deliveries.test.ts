import { describe, expect, it } from "vitest";
import { checkDeliveries, type StoredDelivery } from "./check-deliveries.ts";

const ack = (entries: [string, string, string][]) =>
  new Map(entries.map(([id, evidenceId, sha256]) => [id, { evidenceId, sha256 }]));
const row = (deliveryId: string, evidenceId: string, sha256: string, bodySha256 = sha256): StoredDelivery => ({
  deliveryId,
  evidenceId,
  sha256,
  bodySha256,
});

describe("checkDeliveries", () => {
  it("passes when every acknowledged delivery is stored once with its bytes; unacknowledged rows are fine", () => {
    const check = checkDeliveries(ack([["d1", "e1", "h1"]]), [row("d1", "e1", "h1"), row("d2", "e2", "h2")]);
    expect(check).toEqual({ acknowledged: 1, stored: 2, missing: [], duplicates: [], mismatches: [], wrongIds: [] });
  });

  it("names each kind of fault", () => {
    const check = checkDeliveries(
      ack([
        ["lost", "e0", "h0"],
        ["twice", "e1", "h1"],
        ["changed", "e2", "h2"],
        ["rehashed", "e3", "h3"],
        ["other-id", "e4", "h4"],
      ]),
      [
        row("twice", "e1", "h1"),
        row("twice", "e1b", "h1"),
        row("changed", "e2", "h2", "hX"),
        row("rehashed", "e3", "hY"),
        row("other-id", "e9", "h4"),
      ],
    );
    expect(check.missing).toEqual(["lost"]);
    expect(check.duplicates).toEqual(["twice"]);
    expect(check.mismatches.sort()).toEqual(["changed", "rehashed"]);
    expect(check.wrongIds).toEqual(["other-id"]);
  });
});
