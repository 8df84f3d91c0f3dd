import { createHash, randomUUID } from "node:crypto";
import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { analyzeEvidence } from "./analyze-evidence.ts";
import { getEvidenceRules } from "./get-evidence-rules.ts";
import type { IngestResponse } from "./ingest-types.ts";
import { storeEvidence } from "./store-evidence.ts";

/**
 * "Send test delivery" on the integrations page: stores a small Standard Webhooks envelope, marked as
 * a test and attributed to the person who asked, through the same store, job queue and worker as a
 * real delivery, so people can see the pipeline end to end before the tool is wired up. It carries one
 * `event` finding, which no rule maps: a test never counts as evidence for a requirement. (It cannot go
 * through the signature check: for token schemes Assay keeps only the token's hash.)
 */
export async function sendTestDelivery(
  prisma: PrismaClient,
  ctx: OrgContext,
  integrationId: string,
  now: Date = new Date(),
): Promise<IngestResponse> {
  const integration = await prisma.integration.findFirst({ where: { id: integrationId, orgId: ctx.org.id } });
  if (!integration) throw new AppError("not_found", "No such integration.");
  if (integration.disabledAt) throw new AppError("conflict", "Enable the integration before sending a test delivery.");
  const id = `test_${randomUUID()}`;
  const raw = new TextEncoder().encode(
    JSON.stringify({
      type: "assay.test-delivery",
      timestamp: now.toISOString(),
      data: {
        integration: integration.id,
        findings: [
          {
            key: "test-delivery",
            check: "event",
            outcome: "info",
            title: `Test delivery for ${integration.name}`,
            subject: { kind: "other", name: integration.name },
          },
        ],
      },
    }),
  );
  const analyzed = analyzeEvidence("standard-webhooks", raw, new Headers(), getEvidenceRules(), now);
  const sha256 = createHash("sha256").update(raw).digest("hex");
  const actorId = ctx.actor.kind === "user" ? ctx.actor.email : ctx.actor.kind === "token" ? ctx.actor.tokenId : "cli";
  const result = await storeEvidence(prisma, {
    orgId: ctx.org.id,
    integrationId: integration.id,
    apiTokenId: null,
    systemId: integration.systemId,
    source: "standard-webhooks",
    eventType: "assay.test-delivery",
    scheme: "test",
    identity: `test:${actorId}`,
    deliveryId: id,
    dedupeKey: `delivery:${integration.id}:${id}`,
    contentType: "application/json",
    headers: { "content-type": "application/json" },
    raw,
    sha256,
    receivedAt: now,
    effectiveAt: now,
    result: analyzed.result,
  });
  await recordAuditEntry(prisma, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: "integration.test-delivery",
    targetType: "integration",
    targetId: integration.id,
    data: { evidenceId: result.evidenceId },
  });
  return result;
}
