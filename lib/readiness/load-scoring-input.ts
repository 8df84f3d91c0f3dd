import { decideSystemApplicability } from "../applicability/decide-system-applicability.ts";
import type { CatalogNode } from "../catalog/catalog-schema.ts";
import type { Db } from "../db/db-types.ts";
import { getEvidenceRules } from "../ingest/get-evidence-rules.ts";
import { MATURITY_STAGE_ORDER, type EvidenceItem, type ScoringInput } from "../scoring/scoring-types.ts";
import { toAiSystemSummary } from "../systems/to-ai-system-summary.ts";

interface ItemRow {
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

const OUTCOMES = new Set(["pass", "fail", "info", "error"]);

function toItem(row: ItemRow): EvidenceItem {
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

/**
 * Reads what scoring needs for one organization at `asOf`: the synced catalogs, the evidence rules,
 * its AI systems with what applies to each (all of them, or the one asked for), every rule or hand-made
 * link with its evidence and finding, and its waivers. Evidence received after `asOf` is read too and
 * left out by the scoring itself.
 */
export async function loadScoringInput(
  db: Db,
  orgId: string,
  asOf: Date,
  options: { systemId?: string | undefined } = {},
): Promise<ScoringInput> {
  const [rows, systems, itemRows, waivers] = await Promise.all([
    db.requirement.findMany({
      where: { framework: { kind: { in: ["regulation", "standard"] } } },
      orderBy: [{ frameworkId: "asc" }, { position: "asc" }],
      select: { frameworkId: true, data: true, framework: { select: { kind: true } } },
    }),
    db.aiSystem.findMany({
      where: { orgId, ...(options.systemId ? { id: options.systemId } : {}) },
      orderBy: { name: "asc" },
    }),
    db.$queryRaw<ItemRow[]>`
      SELECT l."id" AS "linkId", l."requirementId", l."ruleId", l."outcome", l."findingKey", l."evidenceId",
             e."systemId", e."source", e."sha256", e."receivedAt", e."effectiveAt", f."observedAt",
             l."expiresAt", l."removedAt", l."justification", f."subjectKind", f."subjectName"
        FROM "ControlLink" l
        JOIN "Evidence" e ON e."id" = l."evidenceId" AND e."orgId" = l."orgId"
        LEFT JOIN "Finding" f ON f."evidenceId" = l."evidenceId" AND f."key" = l."findingKey"
       WHERE l."orgId" = ${orgId}::uuid`,
    db.waiver.findMany({ where: { orgId }, include: { approver: { select: { email: true, name: true } } } }),
  ]);
  const nodes = rows.map((r) => ({ node: r.data as unknown as CatalogNode, frameworkKind: r.framework.kind }));
  const frameworkOf = new Map(rows.map((r) => [(r.data as unknown as CatalogNode).id, r.frameworkId]));
  const day = asOf.toISOString().slice(0, 10);
  return {
    asOf,
    nodes: nodes.map(({ node }) => ({
      id: node.id,
      frameworkId: frameworkOf.get(node.id) ?? "",
      parentId: node.parent,
      kind: node.kind,
      ref: node.ref,
      title: node.title,
      stage: node.stage && (MATURITY_STAGE_ORDER as readonly string[]).includes(node.stage) ? node.stage : undefined,
      expects: node.evidence,
    })),
    rules: getEvidenceRules().map((r) => ({
      id: r.id,
      title: r.title,
      requirementIds: r.requirements,
      sources: r.match.sources ?? [],
      checks: r.match.checks,
      freshnessDays: r.freshnessDays,
    })),
    systems: systems.map((row) => ({
      id: row.id,
      name: row.name,
      applicability: decideSystemApplicability(nodes, toAiSystemSummary(row), day),
    })),
    items: itemRows.map(toItem),
    waivers: waivers.map((w) => ({
      id: w.id,
      requirementId: w.requirementId,
      systemId: w.systemId,
      reason: w.reason,
      compensatingControl: w.compensatingControl,
      approvedBy: w.approver.name ? `${w.approver.name} <${w.approver.email}>` : w.approver.email,
      createdAt: w.createdAt,
      expiresAt: w.expiresAt,
      revokedAt: w.revokedAt,
    })),
  };
}
