import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { requireUuid } from "../errors/require-uuid.ts";
import type { IngestResult } from "../ingest/ingest-types.ts";
import { listEvidenceLinks, type EvidenceLink } from "./list-evidence-links.ts";
import { readBodyPreview, type BodyPreview } from "./read-body-preview.ts";
import { readIngestResult } from "./read-ingest-result.ts";

/** How many findings the detail shows (a scan can report thousands; `findingsTotal` has the count). */
export const MAX_FINDINGS_SHOWN = 500;

export interface EvidenceFinding {
  id: string;
  key: string;
  check: string;
  outcome: string;
  severity: string | null;
  title: string;
  detail: string | null;
  subject: { kind: string; name: string; version: string | null; digest: string | null; revision: string | null };
  observedAt: string | null;
  links: string[];
}

export interface EvidenceDetail {
  id: string;
  source: string;
  eventType: string;
  scheme: string;
  /** The verified identity, e.g. `integration:<id>#secret-1`, `token:assay_abc`, `oidc:github:owner/repo@sha`. */
  identity: string;
  deliveryId: string | null;
  contentType: string;
  headers: Record<string, string>;
  sizeBytes: number;
  sha256: string;
  receivedAt: string;
  effectiveAt: string | null;
  integration: { id: string; name: string } | null;
  apiToken: { id: string; name: string; prefix: string } | null;
  system: { id: string; name: string } | null;
  result: IngestResult;
  findings: EvidenceFinding[];
  findingsTotal: number;
  links: EvidenceLink[];
  body: BodyPreview;
}

function stringRecord(json: unknown): Record<string, string> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * One piece of evidence with its verified origin, descriptive headers, findings, requirement links
 * and a preview of the raw body (the first 256 KiB as UTF-8, never the whole of a large upload).
 * Another organization's id, a random id and a malformed one all give `not_found`.
 */
export async function getEvidence(prisma: PrismaClient, ctx: OrgContext, evidenceId: string): Promise<EvidenceDetail> {
  const id = requireUuid(evidenceId, "evidence");
  const row = await prisma.evidence.findFirst({
    where: { id, orgId: ctx.org.id },
    omit: { body: true },
  });
  if (!row) throw new AppError("not_found", "No such evidence in this organization.");
  const [integration, apiToken, system, findings, findingsTotal, links, body] = await Promise.all([
    row.integrationId
      ? prisma.integration.findFirst({
          where: { id: row.integrationId, orgId: ctx.org.id },
          select: { id: true, name: true },
        })
      : null,
    row.apiTokenId
      ? prisma.apiToken.findFirst({
          where: { id: row.apiTokenId, orgId: ctx.org.id },
          select: { id: true, name: true, prefix: true },
        })
      : null,
    row.systemId
      ? prisma.aiSystem.findFirst({ where: { id: row.systemId, orgId: ctx.org.id }, select: { id: true, name: true } })
      : null,
    prisma.finding.findMany({
      where: { evidenceId: id, orgId: ctx.org.id },
      orderBy: [{ outcome: "asc" }, { key: "asc" }],
      take: MAX_FINDINGS_SHOWN,
    }),
    prisma.finding.count({ where: { evidenceId: id, orgId: ctx.org.id } }),
    listEvidenceLinks(prisma, ctx.org.id, id),
    readBodyPreview(prisma, ctx.org.id, id, row.sizeBytes),
  ]);
  return {
    id: row.id,
    source: row.source,
    eventType: row.eventType,
    scheme: row.scheme,
    identity: row.identity,
    deliveryId: row.deliveryId,
    contentType: row.contentType,
    headers: stringRecord(row.headers),
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    receivedAt: row.receivedAt.toISOString(),
    effectiveAt: row.effectiveAt?.toISOString() ?? null,
    integration,
    apiToken,
    system,
    result: readIngestResult(row.result),
    findings: findings.map((f) => ({
      id: f.id,
      key: f.key,
      check: f.check,
      outcome: f.outcome,
      severity: f.severity,
      title: f.title,
      detail: f.detail,
      subject: {
        kind: f.subjectKind,
        name: f.subjectName,
        version: f.subjectVersion,
        digest: f.subjectDigest,
        revision: f.subjectRevision,
      },
      observedAt: f.observedAt?.toISOString() ?? null,
      links: f.links,
    })),
    findingsTotal,
    links,
    body,
  };
}
