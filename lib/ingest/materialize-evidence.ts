import type { PrismaClient } from "../db/db-types.ts";
import type { Prisma } from "../db/db-types.ts";
import { getLogger } from "../log/get-logger.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import { analyzeEvidence } from "./analyze-evidence.ts";
import { getEvidenceRules } from "./get-evidence-rules.ts";
import { SOURCE_KINDS, type SourceKind } from "./source-kinds.ts";

function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The `evidence.map` job: re-parses the stored bytes with the same adapter and rules the endpoint
 * used, and writes the findings and rule links. Idempotent (unique keys, `skipDuplicates`), so a
 * retried job never doubles anything.
 */
export async function materializeEvidence(
  prisma: PrismaClient,
  evidenceId: string,
): Promise<{ findings: number; links: number }> {
  const evidence = await prisma.evidence.findUnique({ where: { id: evidenceId } });
  if (!evidence) return { findings: 0, links: 0 };
  if (!(SOURCE_KINDS as readonly string[]).includes(evidence.source)) return { findings: 0, links: 0 };
  const headers = new Headers(evidence.headers as Record<string, string>);
  let analyzed: ReturnType<typeof analyzeEvidence>;
  try {
    analyzed = analyzeEvidence(
      evidence.source as SourceKind,
      evidence.body,
      headers,
      getEvidenceRules(),
      evidence.receivedAt,
    );
  } catch (error) {
    // The bytes parsed when they arrived; a failure now means the adapter changed. Keep the evidence.
    getLogger().warn(
      { evidenceId, err: error instanceof Error ? error.message : String(error) },
      "evidence no longer parses",
    );
    return { findings: 0, links: 0 };
  }
  const outcomeOf = new Map(analyzed.parsed.findings.map((f) => [f.key, f.outcome]));
  const findings: Prisma.FindingCreateManyInput[] = analyzed.parsed.findings.map((f) => ({
    orgId: evidence.orgId,
    evidenceId,
    key: f.key.slice(0, 500),
    subjectKind: f.subject.kind,
    subjectName: f.subject.name.slice(0, 500),
    subjectVersion: f.subject.version?.slice(0, 200) ?? null,
    subjectDigest: f.subject.digest?.slice(0, 200) ?? null,
    subjectRevision: f.subject.revision?.slice(0, 200) ?? null,
    check: f.check,
    outcome: f.outcome,
    severity: f.severity,
    title: f.title.slice(0, 500),
    detail: f.detail?.slice(0, 2000) ?? null,
    observedAt: toDate(f.observedAt),
    links: f.links.slice(0, 20),
    attributes: f.attributes,
  }));
  const links: Prisma.ControlLinkCreateManyInput[] = analyzed.links.map((l) => ({
    orgId: evidence.orgId,
    evidenceId,
    findingKey: l.findingKey.slice(0, 500),
    requirementId: l.requirementId,
    ruleId: l.ruleId,
    outcome: outcomeOf.get(l.findingKey) ?? "info",
    expiresAt: l.expiresAt,
  }));
  await prisma.$transaction(async (tx) => {
    await tx.finding.createMany({ data: findings, skipDuplicates: true });
    const created = await tx.controlLink.createMany({ data: links, skipDuplicates: true });
    if (created.count > 0) await requestReadinessRecompute(tx, evidence.orgId, "evidence");
  });
  return { findings: findings.length, links: links.length };
}
