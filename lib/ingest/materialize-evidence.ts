import type { PrismaClient } from "../db/db-types.ts";
import type { Prisma } from "../db/db-types.ts";
import { getLogger } from "../log/get-logger.ts";
import { requestReadinessRecompute } from "../readiness/request-readiness-recompute.ts";
import { analyzeEvidence } from "./analyze-evidence.ts";
import { getEvidenceRules } from "./get-evidence-rules.ts";
import { SOURCE_KINDS, type SourceKind } from "./source-kinds.ts";
import { toStorableJson } from "./to-storable-json.ts";
import { toStorableText } from "./to-storable-text.ts";

/** A finding's time, if PostgreSQL can store it (years 1 to 9999); anything else is dropped. */
function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  const year = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || year < 1 || year > 9999 ? null : d;
}

const EARLIEST = new Date("0001-01-01T00:00:00Z");
const LATEST = new Date("9999-12-31T23:59:59Z");

/** A link's expiry within what PostgreSQL stores: an absurd past stays expired, an absurd future stays far. */
function clampDate(d: Date | null): Date | null {
  if (!d || Number.isNaN(d.getTime())) return d;
  return d < EARLIEST ? EARLIEST : d > LATEST ? LATEST : d;
}

/** Derived text, made storable (NUL removed, unpaired surrogates replaced) and bounded. */
const text = (value: string, max: number) => toStorableText(value.slice(0, max));

/**
 * The `evidence.map` job: re-parses the stored bytes with the same adapter and rules the endpoint
 * used, and writes the findings and rule links (their text made storable: no NUL, no unpaired
 * surrogates; times PostgreSQL cannot hold dropped; the evidence bytes stay as received). Idempotent (unique keys, `skipDuplicates`), so a
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
    key: text(f.key, 500),
    subjectKind: f.subject.kind,
    subjectName: text(f.subject.name, 500),
    subjectVersion: f.subject.version === undefined ? null : text(f.subject.version, 200),
    subjectDigest: f.subject.digest === undefined ? null : text(f.subject.digest, 200),
    subjectRevision: f.subject.revision === undefined ? null : text(f.subject.revision, 200),
    check: f.check,
    outcome: f.outcome,
    severity: f.severity,
    title: text(f.title, 500),
    detail: f.detail == null ? null : text(f.detail, 2000),
    observedAt: toDate(f.observedAt),
    links: f.links.slice(0, 20).map((l) => toStorableText(l)),
    attributes: toStorableJson(f.attributes) as Prisma.InputJsonValue,
  }));
  const links: Prisma.ControlLinkCreateManyInput[] = analyzed.links.map((l) => ({
    orgId: evidence.orgId,
    evidenceId,
    findingKey: text(l.findingKey, 500),
    requirementId: l.requirementId,
    ruleId: l.ruleId,
    outcome: outcomeOf.get(l.findingKey) ?? "info",
    expiresAt: clampDate(l.expiresAt),
  }));
  await prisma.$transaction(async (tx) => {
    await tx.finding.createMany({ data: findings, skipDuplicates: true });
    const created = await tx.controlLink.createMany({ data: links, skipDuplicates: true });
    if (created.count > 0) await requestReadinessRecompute(tx, evidence.orgId, "evidence");
  });
  return { findings: findings.length, links: links.length };
}
