import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";

export interface EvidenceRaw {
  /** The exact bytes as received. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Response headers for a download: never rendered inline, never sniffed. */
  headers: Record<string, string>;
}

const TOKEN = "[a-z0-9][a-z0-9!#$&^_.+-]*";
/** A well-formed `type/subtype` with optional `; name=value` parameters (anything else is served as octet-stream). */
const CONTENT_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=(${TOKEN}|"[^"\\r\\n]*"))*$`, "i");

const EXTENSIONS: [RegExp, string][] = [
  [/sarif/, "sarif"],
  [/(ndjson|jsonl|json-seq|jsonlines)/, "jsonl"],
  [/json/, "json"],
  [/xml/, "xml"],
  [/yaml/, "yaml"],
  [/^text\//, "txt"],
];

/** The file extension for a stored content type (`application/sarif+json` -> `sarif`); `bin` when unknown. */
function extensionOf(mediaType: string): string {
  return EXTENSIONS.find(([pattern]) => pattern.test(mediaType))?.[1] ?? "bin";
}

/**
 * The raw bytes of one piece of evidence for download, byte for byte as received, with the sender's
 * content type, `Content-Disposition: attachment` and `nosniff` (so a stored HTML or SVG body can
 * never run as a page of Assay). Another organization's id gives `not_found`.
 */
export async function getEvidenceRaw(prisma: PrismaClient, ctx: OrgContext, evidenceId: string): Promise<EvidenceRaw> {
  const id = requireUuid(evidenceId, "evidence");
  const row = await prisma.evidence.findFirst({
    where: { id, orgId: ctx.org.id },
    select: { id: true, body: true, contentType: true, sha256: true },
  });
  if (!row) throw new AppError("not_found", "No such evidence in this organization.");
  const stored = row.contentType.trim();
  const contentType = CONTENT_TYPE.test(stored) ? stored : "application/octet-stream";
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return {
    bytes: new Uint8Array(row.body),
    headers: {
      "content-type": contentType,
      "content-length": String(row.body.byteLength),
      "content-disposition": `attachment; filename="evidence-${row.id}.${extensionOf(mediaType)}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "no-store",
      "x-evidence-sha256": row.sha256,
    },
  };
}
