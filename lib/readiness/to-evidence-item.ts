import type { EvidenceItem } from "../scoring/scoring-types.ts";

/** One link with its evidence and finding, as the readiness loaders select it (ITEM_COLUMNS). */
export interface ItemRow {
  linkId: string;
  requirementId: string;
  ruleId: string | null;
  outcome: string;
  findingKey: string | null;
  evidenceId: string;
  systemId: string | null;
  source: string;
  sha256: string;
  receivedAt: Date;
  effectiveAt: Date | null;
  observedAt: Date | null;
  expiresAt: Date | null;
  removedAt: Date | null;
  justification: string | null;
  subjectKind: string | null;
  subjectName: string | null;
}

/** The columns of an ItemRow over `"ControlLink" l JOIN "Evidence" e LEFT JOIN "Finding" f`. */
export const ITEM_COLUMNS = `l."id" AS "linkId", l."requirementId", l."ruleId", l."outcome", l."findingKey", l."evidenceId",
  e."systemId", e."source", e."sha256", e."receivedAt", e."effectiveAt", f."observedAt",
  l."expiresAt", l."removedAt", l."justification", f."subjectKind", f."subjectName"`;

/** The joins ITEM_COLUMNS reads from. */
export const ITEM_JOINS = `"ControlLink" l
  JOIN "Evidence" e ON e."id" = l."evidenceId" AND e."orgId" = l."orgId"
  LEFT JOIN "Finding" f ON f."evidenceId" = l."evidenceId" AND f."key" = l."findingKey"`;

/**
 * The subject of a link in SQL, the same as toEvidenceItem's (and the SubjectVerdict migration's):
 * a rule link's finding subject, else the evidence itself.
 */
export const ITEM_SUBJECT = `CASE WHEN l."ruleId" IS NULL OR f."subjectName" IS NULL THEN 'evidence:' || l."evidenceId"::text
  ELSE COALESCE(f."subjectKind", 'subject') || ':' || f."subjectName" END`;

const OUTCOMES = new Set(["pass", "fail", "info", "error"]);

/** Pure: a loaded row as scoring sees it. */
export function toEvidenceItem(row: ItemRow): EvidenceItem {
  // A finding's own time, never later than its receipt; else the evidence's effective time, else receipt.
  const base = row.observedAt ?? row.effectiveAt ?? row.receivedAt;
  const observedAt = base.getTime() > row.receivedAt.getTime() ? row.receivedAt : base;
  return {
    linkId: row.linkId,
    requirementId: row.requirementId,
    ruleId: row.ruleId,
    outcome: OUTCOMES.has(row.outcome) ? (row.outcome as EvidenceItem["outcome"]) : "info",
    findingKey: row.findingKey,
    evidenceId: row.evidenceId,
    subject:
      row.ruleId === null
        ? `evidence:${row.evidenceId}`
        : row.subjectName !== null
          ? `${row.subjectKind ?? "subject"}:${row.subjectName}`
          : `evidence:${row.evidenceId}`,
    systemId: row.systemId,
    source: row.source,
    sha256: row.sha256,
    receivedAt: row.receivedAt,
    observedAt,
    expiresAt: row.expiresAt,
    removedAt: row.removedAt,
    justification: row.justification,
  };
}
