import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/db-types.ts";

export interface TestEvidence {
  orgId: string;
  receivedAt: Date;
  effectiveAt?: Date | null;
  source?: string;
  systemId?: string | null;
  integrationId?: string | null;
  body?: string | Uint8Array;
  contentType?: string;
  /** Findings (outcomes) the worker would have written. */
  findings?: string[];
  /** The stored result's `failing` count (before the worker writes findings). */
  failing?: number;
  /** Requirement ids linked by rule `test-rule`. */
  links?: string[];
}

/**
 * Test helper: inserts evidence rows directly (as the ingest path and the worker would have written
 * them), with chosen times, findings and rule links, so list and pagination tests control every field.
 */
export async function seedTestEvidence(prisma: PrismaClient, item: TestEvidence): Promise<string> {
  const id = randomUUID();
  const raw =
    typeof item.body === "string" || item.body === undefined
      ? new TextEncoder().encode(item.body ?? `{"type":"test","marker":"BODY-${id}"}`)
      : item.body;
  const findings = item.findings ?? [];
  await prisma.evidence.create({
    data: {
      id,
      orgId: item.orgId,
      integrationId: item.integrationId ?? null,
      systemId: item.systemId ?? null,
      source: item.source ?? "standard-webhooks",
      eventType: "test.event",
      scheme: "standard-webhooks",
      identity: "test",
      deliveryId: id,
      dedupeKey: `test:${id}`,
      contentType: item.contentType ?? "application/json",
      headers: { "content-type": item.contentType ?? "application/json", "webhook-id": id },
      sizeBytes: raw.byteLength,
      sha256: createHash("sha256").update(raw).digest("hex"),
      body: raw as Uint8Array<ArrayBuffer>,
      receivedAt: item.receivedAt,
      effectiveAt: item.effectiveAt ?? null,
      result: {
        findings: findings.length,
        failing: item.failing ?? findings.filter((o) => o === "fail").length,
        requirements: item.links ?? [],
        unmapped: [],
      },
    },
  });
  await prisma.finding.createMany({
    data: findings.map((outcome, i) => ({
      orgId: item.orgId,
      evidenceId: id,
      key: `f${i}`,
      subjectKind: "model",
      subjectName: "fraud-model",
      check: "red-team",
      outcome,
      title: `finding ${i}`,
    })),
  });
  await prisma.controlLink.createMany({
    data: (item.links ?? []).map((requirementId) => ({
      orgId: item.orgId,
      evidenceId: id,
      findingKey: findings.length > 0 ? "f0" : null,
      requirementId,
      ruleId: "test-rule",
      outcome: findings[0] ?? "info",
    })),
  });
  return id;
}
