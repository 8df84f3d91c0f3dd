import type { PrismaClient } from "../db/db-types.ts";

/** How much of the raw body the evidence page shows: the first 256 KiB. */
export const PREVIEW_BYTES = 256 * 1024;

export interface BodyPreview {
  /** The first PREVIEW_BYTES bytes as UTF-8 text (a multi-byte character cut at the end is left out); null if not UTF-8. */
  text: string | null;
  /** True when the body is longer than the preview. */
  truncated: boolean;
}

/**
 * Reads only the start of a stored body (the database cuts it, so a 64 MiB upload is never loaded
 * for a page view) and decodes it as strict UTF-8.
 */
export async function readBodyPreview(
  prisma: PrismaClient,
  orgId: string,
  evidenceId: string,
  sizeBytes: number,
): Promise<BodyPreview> {
  const rows = await prisma.$queryRaw<{ preview: Uint8Array | null }[]>`
    SELECT substring("body" FROM 1 FOR ${PREVIEW_BYTES}::int) AS "preview"
    FROM "Evidence" WHERE "id" = ${evidenceId}::uuid AND "orgId" = ${orgId}::uuid`;
  const bytes = rows[0]?.preview ?? new Uint8Array(0);
  const truncated = sizeBytes > bytes.byteLength;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: truncated });
    return { text, truncated };
  } catch {
    return { text: null, truncated };
  }
}
