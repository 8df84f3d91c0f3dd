import { decideSystemApplicability } from "../applicability/decide-system-applicability.ts";
import type { CatalogNode } from "../catalog/catalog-schema.ts";
import type { Db } from "../db/db-types.ts";
import { getEvidenceRules } from "../ingest/get-evidence-rules.ts";
import { MATURITY_STAGE_ORDER, type ScoringInput } from "../scoring/scoring-types.ts";
import { toAiSystemSummary } from "../systems/to-ai-system-summary.ts";
import { loadCurrentItems } from "./load-current-items.ts";
import { ITEM_COLUMNS, ITEM_JOINS, toEvidenceItem, type ItemRow } from "./to-evidence-item.ts";

/**
 * Reads what scoring needs for one organization at `asOf`: the synced catalogs, the evidence rules,
 * its AI systems with what applies to each (all of them, or the one asked for), every rule or hand-made
 * link with its evidence and finding, and its waivers. Evidence received after `asOf` is read too and
 * left out by the scoring itself. `current`: `asOf` is now (or later), so only the evidence that can
 * still decide is read (loadCurrentItems), which gives the same scores from far fewer rows; a past
 * `asOf` reads every link.
 */
export async function loadScoringInput(
  db: Db,
  orgId: string,
  asOf: Date,
  options: { systemId?: string | undefined; current?: boolean | undefined } = {},
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
    options.current
      ? loadCurrentItems(db, orgId, asOf, options.systemId)
      : db
          .$queryRawUnsafe<ItemRow[]>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_JOINS} WHERE l."orgId" = $1::uuid`, orgId)
          .then((r) => r.map(toEvidenceItem)),
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
    items: itemRows,
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
