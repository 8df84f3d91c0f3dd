import { createHash } from "node:crypto";
import type { LogLeafSource } from "./log-leaf-source.ts";
import { toCanonicalJson } from "./to-canonical-json.ts";

/**
 * Pure: the bytes a log leaf hashes (RFC 6962 leaf input): a JSON array naming the format, the kind,
 * the organization, the id, the time and what the row says: for evidence the sha256 of its raw bytes,
 * for an audit entry its action, actor, target and the sha256 of its data as canonical JSON. Recomputed
 * from the rows by `assay audit verify`, so any change to a covered field changes the leaf.
 */
export function toLogLeafContent(source: LogLeafSource): Buffer {
  const fields =
    source.kind === "evidence"
      ? ["assay-log/1", "evidence", source.orgId, source.evidenceId, source.receivedAt.toISOString(), source.sha256]
      : [
          "assay-log/1",
          "audit",
          source.orgId,
          source.entryId,
          source.createdAt.toISOString(),
          source.action,
          source.actorType,
          source.actorId,
          source.targetType,
          source.targetId,
          createHash("sha256").update(toCanonicalJson(source.data)).digest("hex"),
        ];
  return Buffer.from(JSON.stringify(fields), "utf8");
}
