export interface EvidenceCursor {
  receivedAt: Date;
  id: string;
}

/** The opaque keyset cursor of the evidence list: the last row's (receivedAt, id), base64url. */
export function encodeEvidenceCursor(cursor: EvidenceCursor): string {
  return Buffer.from(`${cursor.receivedAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}
